import Foundation

/// The app's icon drawn as a PNG at any size: a white "Z" on the portal's green, inside the
/// middle 60 % (the safe zone of a maskable icon). Drawn, not shipped, so every size is sharp.
enum AppIcon {
    static func png(size: Int) -> Data {
        let s = Double(size)
        var raw = Data(capacity: (size * 3 + 1) * size)
        for y in 0..<size {
            raw.append(0)  // no filter
            for x in 0..<size {
                let u = (Double(x) + 0.5) / s, v = (Double(y) + 0.5) / s
                let bar = u >= 0.3 && u <= 0.7 && ((v >= 0.3 && v <= 0.38) || (v >= 0.62 && v <= 0.7))
                // The diagonal from the top bar's right end to the bottom bar's left end.
                let t = (v - 0.38) / 0.24, along = 0.7 - 0.4 * t
                let diagonal = t >= 0 && t <= 1 && abs(u - along) <= 0.05
                raw.append(contentsOf: bar || diagonal ? [255, 255, 255] : [0x0b, 0x5d, 0x1e])
            }
        }
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.append(bigEndian: UInt32(size)); header.append(bigEndian: UInt32(size))
        header.append(contentsOf: [8, 2, 0, 0, 0])  // 8 bits, RGB, deflate, no filter, no interlace
        chunk(&png, "IHDR", header)
        chunk(&png, "IDAT", zlibStored(raw))
        chunk(&png, "IEND", Data())
        return png
    }

    static func chunk(_ png: inout Data, _ type: String, _ body: Data) {
        png.append(bigEndian: UInt32(body.count))
        let typed = Data(type.utf8) + body
        png.append(typed)
        png.append(bigEndian: crc32(typed))
    }

    /// zlib with stored (uncompressed) blocks: simple, and a few hundred kilobytes at most.
    static func zlibStored(_ data: Data) -> Data {
        var out = Data([0x78, 0x01])
        var offset = 0
        repeat {
            let n = min(65_535, data.count - offset)
            out.append(offset + n == data.count ? 1 : 0)
            out.append(UInt8(n & 0xFF)); out.append(UInt8(n >> 8))
            out.append(UInt8(~n & 0xFF)); out.append(UInt8((~n >> 8) & 0xFF))
            out.append(data[data.startIndex + offset ..< data.startIndex + offset + n])
            offset += n
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        out.append(bigEndian: (b << 16) | a)
        return out
    }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in data { c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

extension Data {
    mutating func append(bigEndian value: UInt32) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }
}
