/// The bytes a render has produced so far: manually grown memory, so that appending a short run of
/// text is a capacity check and a copy (an `[UInt8]` append costs a uniqueness check and a generic
/// call each time). Owned by exactly one `Renderer` (moved with `swap`, never copied); the owner
/// calls `free()` once.
struct OutputBuffer {
    private var base: UnsafeMutablePointer<UInt8>?
    private(set) var count = 0
    private var capacity = 0

    init() {}

    /// Makes room for `extra` more bytes.
    mutating func reserve(_ extra: Int) {
        let needed = count + extra
        if needed <= capacity { return }
        let newCapacity = max(needed, capacity * 2, 256)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        if let base {
            grown.initialize(from: base, count: count)
            base.deallocate()
        }
        base = grown
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let length = bytes.count
        if count + length > capacity { reserve(length) }
        guard let base else { return }
        if length <= 16 {
            OutputBuffer.copyShort(from: UnsafeRawPointer(source), to: UnsafeMutableRawPointer(base + count), length)
        } else {
            UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: length)
        }
        count += length
    }

    /// Copies 1 to 16 bytes with at most two overlapping loads and stores (most template text
    /// and values are short, and a `memcpy` call costs more than the copy).
    @inline(__always)
    private static func copyShort(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, _ length: Int) {
        if length >= 8 {
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: length - 8, as: UInt64.self)
        } else if length >= 4 {
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: length - 4, as: UInt32.self)
        } else if length >= 2 {
            // Not a byte loop: the compiler turns that into a `memcpy` call.
            let head = source.loadUnaligned(as: UInt16.self)
            let tail = source.loadUnaligned(fromByteOffset: length - 2, as: UInt16.self)
            target.storeBytes(of: head, as: UInt16.self)
            target.storeBytes(of: tail, toByteOffset: length - 2, as: UInt16.self)
        } else {
            target.storeBytes(of: source.load(as: UInt8.self), as: UInt8.self)
        }
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { reserve(1) }
        guard let base else { return }
        base[count] = byte
        count += 1
    }

    /// Appends a string's UTF-8 bytes.
    @inline(__always)
    mutating func appendUTF8(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            for byte in text.utf8 { append(byte) }
        }
    }

    /// Appends an integer's decimal digits without building a String (digits are produced by
    /// constant division, which compiles to multiplications, into a small stack buffer).
    mutating func appendDecimal(_ number: Int) {
        if number >= 0 && number < 10 {
            append(UInt8(truncatingIfNeeded: number) + 0x30)
            return
        }
        if number >= 10 && number < 100 {
            // Two digits (loop indexes, window sizes): no digit buffer.
            if count + 2 > capacity { reserve(2) }
            guard let base else { return }
            let tens = number / 10
            base[count] = UInt8(truncatingIfNeeded: tens) + 0x30
            base[count + 1] = UInt8(truncatingIfNeeded: number - tens * 10) + 0x30
            count += 2
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = number.magnitude
            var start = digits.count
            repeat {
                let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: 10)
                start -= 1
                digits[start] = UInt8(truncatingIfNeeded: remainder) + 0x30
                rest = quotient
            } while rest > 0
            if number < 0 { append(0x2D) }
            append(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Appends what `{{ value }}` prints for a defined value (`renderedString()`, without building
    /// a String for strings and ints).
    @inline(__always)
    mutating func appendText(of value: Value) {
        switch value {
        case .string(let text): appendUTF8(text)
        case .int(let number): appendDecimal(number)
        default: appendUTF8(value.renderedString())
        }
    }

    /// Maps the bytes from `mark` on through `table` (128 entries) when they are all ASCII; false,
    /// with nothing changed, when one is not.
    mutating func mapASCII(from mark: Int, through table: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base, mark < count else { return true }
        // The ASCII check takes 8 bytes at a time (most mapped text is a dozen bytes or more).
        var index = mark
        while index + 8 <= count {
            if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if base[index] >= 0x80 { return false }
            index += 1
        }
        for index in mark..<count { base[index] = table[Int(base[index])] }
        return true
    }

    /// Drops the bytes from `mark` on.
    mutating func truncate(to mark: Int) {
        if mark >= 0 && mark < count { count = mark }
    }

    /// The text from byte `mark` on.
    func string(from mark: Int) -> String {
        guard let base, mark < count else { return "" }
        return String(decoding: UnsafeBufferPointer(start: base + mark, count: count - mark), as: UTF8.self)
    }

    /// The text so far.
    func string() -> String {
        guard let base else { return "" }
        return String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }

    /// Releases the memory; the buffer is empty afterwards.
    mutating func free() {
        base?.deallocate()
        base = nil
        count = 0
        capacity = 0
    }
}
