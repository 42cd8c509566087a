import Testing
import Foundation
@testable import QRCode

@Suite struct QRCodeTests {
    /// The worked example of the standard's tutorial literature: "HELLO WORLD" as 1-M.
    @Test func reedSolomonMatchesTheKnownExample() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        #expect(ReedSolomon.remainder(data, divisor: ReedSolomon.divisor(degree: 10)) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test func capacityAndVersionFollowTheTables() throws {
        #expect(QRCode.dataCodewords(1, .medium) == 16)
        #expect(QRCode.dataCodewords(7, .medium) == 124)
        #expect(QRCode.dataCodewords(40, .low) == 2956)
        #expect(try QRCode(String(repeating: "a", count: 14)).version == 1)
        #expect(try QRCode(String(repeating: "a", count: 15)).version == 2)
        #expect(throws: QRCode.Failure.tooLong) { try QRCode(String(repeating: "a", count: 3000)) }
    }

    @Test func finderPatternsAndTimingAreWhereScannersLook() throws {
        let q = try QRCode("otpauth://totp/Zielona%20Linia:a@example.org?secret=JBSWY3DPEHPK3PXP")
        #expect(q.size == 4 * q.version + 17)
        for (x, y) in [(0, 0), (q.size - 7, 0), (0, q.size - 7)] {
            #expect(q.modules[y][x] && q.modules[y + 6][x + 6] && !q.modules[y + 1][x + 1] && q.modules[y + 3][x + 3])
        }
        #expect((8..<(q.size - 8)).allSatisfy { q.modules[6][$0] == ($0 % 2 == 0) })
    }

    static let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A real decoder (zbar) reads back what was encoded, for codes of many versions, both
    /// levels, with both short and long blocks. CI installs zbar-tools, so there it always runs.
    @Test(.enabled(if: zbarimg != nil || ProcessInfo.processInfo.environment["CI"] == "true"),
          arguments: [1, 20, 60, 120, 161, 250, 400, 700])
    func aRealDecoderReadsItBack(length: Int) throws {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789:/?&=%.-_ABCXYZ")
        var text = "otpauth://totp/Zielona%20Linia:test@example.org?secret="
        while text.count < length { text.append(alphabet[(text.count * 7) % alphabet.count]) }
        text = String(text.prefix(length))
        for correction in [QRCode.Correction.low, .medium] {
            let q = try QRCode(text, correction: correction)
            #expect(try Self.decode(q) == text, "version \(q.version) mask \(q.mask)")
        }
    }

    static func decode(_ q: QRCode) throws -> String {
        let scale = 4, quiet = 4
        let side = (q.size + 2 * quiet) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for y in 0..<q.size { for x in 0..<q.size where q.modules[y][x] {
            for dy in 0..<scale { for dx in 0..<scale { pixels[((y + quiet) * scale + dy) * side + (x + quiet) * scale + dx] = 0 } }
        } }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).pgm")
        try (Data("P5\n\(side) \(side)\n255\n".utf8) + Data(pixels)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: zbarimg ?? "/usr/bin/zbarimg")
        p.arguments = ["--raw", "-q", "-Sbinary", url.path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .newlines)
    }
}
