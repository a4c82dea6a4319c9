// mimalloc (Debian's libmimalloc-dev), linked into the dfx executable only: built to override
// malloc and free, it becomes the allocator of the whole process (the Swift runtime, Foundation,
// libpq, libyaml, SQLite). dfx calls nothing of it but mi_version, which keeps it linked.
#include <mimalloc.h>
