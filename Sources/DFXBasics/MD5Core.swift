/// The MD5 compression function (RFC 1321), in portable Swift: words loaded little-endian straight
/// from the input, four steps at a time with the variables renamed instead of shifted.
enum MD5Core {
    /// The 16-byte digest of `message`.
    static func hash(_ message: UnsafeRawBufferPointer) -> [UInt8] {
        var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476)
        constants.withUnsafeBufferPointer { table in
            guard let k = table.baseAddress else { return }
            DigestPadding.forEachBlock(message, bigEndianLength: false) { block in
                compress(&state, block, k)
            }
        }
        var out = [UInt8](repeating: 0, count: 16)
        out.withUnsafeMutableBytes { bytes in
            for (index, word) in [state.0, state.1, state.2, state.3].enumerated() {
                bytes.storeBytes(of: word.littleEndian, toByteOffset: index * 4, as: UInt32.self)
            }
        }
        return out
    }

    @inline(__always)
    private static func compress(_ state: inout (UInt32, UInt32, UInt32, UInt32), _ block: UnsafeRawPointer, _ k: UnsafePointer<UInt32>) {
        @inline(__always) func m(_ index: Int) -> UInt32 {
            UInt32(littleEndian: block.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
        }
        var a = state.0, b = state.1, c = state.2, d = state.3
        var i = 0
        while i < 16 {
            step(&a, b, c, d, (b & c) | (~b & d), k[i] &+ m(i), 7)
            step(&d, a, b, c, (a & b) | (~a & c), k[i + 1] &+ m(i + 1), 12)
            step(&c, d, a, b, (d & a) | (~d & b), k[i + 2] &+ m(i + 2), 17)
            step(&b, c, d, a, (c & d) | (~c & a), k[i + 3] &+ m(i + 3), 22)
            i += 4
        }
        while i < 32 {
            step(&a, b, c, d, (d & b) | (~d & c), k[i] &+ m((5 * i + 1) & 15), 5)
            step(&d, a, b, c, (c & a) | (~c & b), k[i + 1] &+ m((5 * i + 6) & 15), 9)
            step(&c, d, a, b, (b & d) | (~b & a), k[i + 2] &+ m((5 * i + 11) & 15), 14)
            step(&b, c, d, a, (a & c) | (~a & d), k[i + 3] &+ m((5 * i + 16) & 15), 20)
            i += 4
        }
        while i < 48 {
            step(&a, b, c, d, b ^ c ^ d, k[i] &+ m((3 * i + 5) & 15), 4)
            step(&d, a, b, c, a ^ b ^ c, k[i + 1] &+ m((3 * i + 8) & 15), 11)
            step(&c, d, a, b, d ^ a ^ b, k[i + 2] &+ m((3 * i + 11) & 15), 16)
            step(&b, c, d, a, c ^ d ^ a, k[i + 3] &+ m((3 * i + 14) & 15), 23)
            i += 4
        }
        while i < 64 {
            step(&a, b, c, d, c ^ (b | ~d), k[i] &+ m((7 * i) & 15), 6)
            step(&d, a, b, c, b ^ (a | ~c), k[i + 1] &+ m((7 * i + 7) & 15), 10)
            step(&c, d, a, b, a ^ (d | ~b), k[i + 2] &+ m((7 * i + 14) & 15), 15)
            step(&b, c, d, a, d ^ (c | ~a), k[i + 3] &+ m((7 * i + 21) & 15), 21)
            i += 4
        }
        state.0 = state.0 &+ a; state.1 = state.1 &+ b; state.2 = state.2 &+ c; state.3 = state.3 &+ d
    }

    /// `a = b + rotl(a + f + k[i] + m[g], s)`; `kPlusM` is `k[i] + m[g]`.
    @inline(__always)
    private static func step(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ f: UInt32, _ kPlusM: UInt32, _ s: UInt32) {
        let sum = a &+ f &+ kPlusM
        a = b &+ ((sum &<< s) | (sum &>> (32 &- s)))
    }

    /// K[i] = floor(abs(sin(i + 1)) * 2^32), precomputed to avoid Foundation.
    private static let constants: [UInt32] = [
        0xd76a_a478, 0xe8c7_b756, 0x2420_70db, 0xc1bd_ceee, 0xf57c_0faf, 0x4787_c62a, 0xa830_4613, 0xfd46_9501,
        0x6980_98d8, 0x8b44_f7af, 0xffff_5bb1, 0x895c_d7be, 0x6b90_1122, 0xfd98_7193, 0xa679_438e, 0x49b4_0821,
        0xf61e_2562, 0xc040_b340, 0x265e_5a51, 0xe9b6_c7aa, 0xd62f_105d, 0x0244_1453, 0xd8a1_e681, 0xe7d3_fbc8,
        0x21e1_cde6, 0xc337_07d6, 0xf4d5_0d87, 0x455a_14ed, 0xa9e3_e905, 0xfcef_a3f8, 0x676f_02d9, 0x8d2a_4c8a,
        0xfffa_3942, 0x8771_f681, 0x6d9d_6122, 0xfde5_380c, 0xa4be_ea44, 0x4bde_cfa9, 0xf6bb_4b60, 0xbebf_bc70,
        0x289b_7ec6, 0xeaa1_27fa, 0xd4ef_3085, 0x0488_1d05, 0xd9d4_d039, 0xe6db_99e5, 0x1fa2_7cf8, 0xc4ac_5665,
        0xf429_2244, 0x432a_ff97, 0xab94_23a7, 0xfc93_a039, 0x655b_59c3, 0x8f0c_cc92, 0xffef_f47d, 0x8584_5dd1,
        0x6fa8_7e4f, 0xfe2c_e6e0, 0xa301_4314, 0x4e08_11a1, 0xf753_7e82, 0xbd3a_f235, 0x2ad7_d2bb, 0xeb86_d391,
    ]
}
