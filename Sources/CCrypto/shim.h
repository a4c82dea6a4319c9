// OpenSSL's libcrypto (Debian's libssl-dev, which libpq-dev already depends on): dfx uses only its
// message digests (EVP), for SHA-256 checksums with the CPU's SHA instructions where it has them.
#include <openssl/evp.h>
