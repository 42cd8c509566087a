/// A QR code (ISO/IEC 18004, model 2) in byte mode: the matrix an authenticator app scans for
/// the `otpauth://` URI at TOTP enrolment. Pure and deterministic; rendering is the caller's.
public struct QRCode: Sendable, Equatable {
    public enum Correction: Sendable { case low, medium

        /// The two format bits of the level.
        var formatBits: Int { self == .low ? 1 : 0 }
        var eccPerBlock: [Int] { self == .low ? Tables.eccPerBlockL : Tables.eccPerBlockM }
        var blocks: [Int] { self == .low ? Tables.blocksL : Tables.blocksM }
    }

    public enum Failure: Error, Equatable { case tooLong }

    public let version: Int
    public let size: Int
    public let mask: Int
    /// `modules[y][x]`, true = dark.
    public let modules: [[Bool]]

    public init(bytes: [UInt8], correction: Correction = .medium) throws(Failure) {
        guard let version = (1...40).first(where: { Self.capacityBits($0, correction) >= Self.neededBits(bytes.count, $0) }) else {
            throw .tooLong
        }
        self.version = version
        var grid = Grid(version: version)
        grid.drawFunctionPatterns(correction: correction)
        let codewords = Self.codewords(bytes, version: version, correction: correction)
        grid.place(codewords)
        var best: (penalty: Int, grid: Grid, mask: Int)? = nil
        for mask in 0..<8 {
            var candidate = grid
            candidate.apply(mask: mask)
            candidate.drawFormatBits(correction: correction, mask: mask)
            let penalty = candidate.penalty()
            if best == nil || penalty < best!.penalty { best = (penalty, candidate, mask) }
        }
        size = grid.size
        mask = best!.mask
        modules = best!.grid.modules
    }

    public init(_ text: String, correction: Correction = .medium) throws(Failure) {
        try self.init(bytes: Array(text.utf8), correction: correction)
    }

    // MARK: capacity and codewords

    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            result -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    static func dataCodewords(_ version: Int, _ c: Correction) -> Int {
        rawDataModules(version) / 8 - c.eccPerBlock[version] * c.blocks[version]
    }

    static func capacityBits(_ version: Int, _ c: Correction) -> Int { dataCodewords(version, c) * 8 }

    static func countBits(_ version: Int) -> Int { version <= 9 ? 8 : 16 }

    static func neededBits(_ count: Int, _ version: Int) -> Int {
        count < (1 << countBits(version)) ? 4 + countBits(version) + 8 * count : Int.max
    }

    /// Mode, length, data, terminator and padding; split into blocks with their Reed–Solomon
    /// codewords; interleaved.
    static func codewords(_ bytes: [UInt8], version: Int, correction c: Correction) -> [UInt8] {
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: countBits(version))
        for b in bytes { bits.append(Int(b), count: 8) }
        let capacity = capacityBits(version, c)
        bits.append(0, count: min(4, capacity - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var data = bits.bytes
        var pad: UInt8 = 0xEC
        while data.count < capacity / 8 { data.append(pad); pad = pad == 0xEC ? 0x11 : 0xEC }

        let blockCount = c.blocks[version], eccLength = c.eccPerBlock[version]
        let rawCodewords = rawDataModules(version) / 8
        let shortBlocks = blockCount - rawCodewords % blockCount
        let shortDataLength = rawCodewords / blockCount - eccLength
        let divisor = ReedSolomon.divisor(degree: eccLength)
        var blocks: [[UInt8]] = [], eccs: [[UInt8]] = []
        var offset = 0
        for i in 0..<blockCount {
            let length = shortDataLength + (i < shortBlocks ? 0 : 1)
            let block = Array(data[offset..<offset + length])
            offset += length
            blocks.append(block)
            eccs.append(ReedSolomon.remainder(block, divisor: divisor))
        }
        var result: [UInt8] = []
        for i in 0...shortDataLength { for b in blocks where i < b.count { result.append(b[i]) } }
        for i in 0..<eccLength { for e in eccs { result.append(e[i]) } }
        return result
    }
}

struct BitBuffer {
    var bits: [Bool] = []
    var count: Int { bits.count }
    mutating func append(_ value: Int, count: Int) {
        guard count > 0 else { return }
        for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
    }
    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            (0..<8).reduce(UInt8(0)) { acc, i in acc << 1 | (start + i < bits.count && bits[start + i] ? 1 : 0) }
        }
    }
}

/// Reed–Solomon over GF(2⁸) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1.
enum ReedSolomon {
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for i in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= ((Int(y) >> i) & 1) * Int(x)
        }
        return UInt8(z & 0xFF)
    }

    /// The generator polynomial's coefficients, highest degree first, the leading 1 omitted.
    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for b in data {
            let factor = b ^ result.removeFirst()
            result.append(0)
            for i in 0..<divisor.count { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }
}
