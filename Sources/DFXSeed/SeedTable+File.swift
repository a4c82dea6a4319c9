import DFXBasics

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SeedTable {
    /// Reads and parses the seed file at `absolutePath`; diagnostics name it `path`.
    public init(contentsOf absolutePath: String, path: String, options: SeedOptions = SeedOptions()) throws {
        try self.init(bytes: Self.readFile(absolutePath, displayPath: path), path: path, options: options)
    }

    /// The bytes of a file, read in one go.
    static func readFile(_ absolutePath: String, displayPath: String) throws -> [UInt8] {
        guard let file = fopen(absolutePath, "rb") else {
            let reason = String(cString: strerror(errno))
            throw DiagnosticError(Diagnostic(.error, "cannot read seed file \(displayPath): \(reason)"))
        }
        defer { fclose(file) }
        // Read straight into the array when the size is known; then read on until the end (the file may
        // have grown, or be a pipe whose size is unknown).
        var size = 0
        if fseek(file, 0, SEEK_END) == 0 {
            size = max(0, ftell(file))
            rewind(file)
        }
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = size > 0 ? fread(buffer.baseAddress, 1, size, file) : 0
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let read = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if read > 0 { bytes.append(contentsOf: chunk[0..<read]) }
            if read < chunk.count { break }
        }
        if ferror(file) != 0 {
            throw DiagnosticError(Diagnostic(.error, "cannot read seed file \(displayPath): read error"))
        }
        return bytes
    }
}
