import Testing
import Foundation
import Directory
@testable import Foreigners

struct PDFWriterTests {
    /// Every offset of the cross-reference table points at its object, and startxref at the table.
    static func checkStructure(_ pdf: Data) throws -> String {
        let text = String(decoding: pdf.map { $0 < 128 ? $0 : 0x3F }, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-1.4\n") && text.hasSuffix("%%EOF\n"))
        let startxref = try #require(text.range(of: "startxref\n", options: .backwards))
        let xrefOffset = try #require(Int(text[startxref.upperBound...].prefix { $0.isNumber }))
        let bytes = [UInt8](pdf)
        #expect(String(decoding: bytes[xrefOffset..<xrefOffset + 4], as: UTF8.self) == "xref")
        let table = String(decoding: bytes[xrefOffset...], as: UTF8.self).split(separator: "\n")
        let count = try #require(Int(table[1].split(separator: " ")[1]))
        for i in 1..<count {
            let offset = try #require(Int(table[2 + i].prefix(10)))
            #expect(String(decoding: bytes[offset..<offset + "\(i) 0 obj".count], as: UTF8.self) == "\(i) 0 obj")
        }
        return text
    }

    @Test func aLongFormBecomesAValidPDFOfSeveralNumberedPagesWithPolishLetters() throws {
        let form = FormLibrary.shipped.current(.temporaryResidence, on: LocalDate(year: 2026, month: 12, day: 6))!
        let printed = PrintedForm(form, ["surname": "ŻÓŁKIEWSKA", "purpose": "work", "family_in_poland": "yes",
                                         "family_members": String(repeating: "JAN KOWALSKI, MĄŻ, 01.01.1980, UKRAINA, ŁÓDŹ\n", count: 30)])
        let pdf = printed.pdf(footer: "Zielona Linia")
        let text = try Self.checkStructure(pdf)
        let pages = text.components(separatedBy: "/Type /Page ").count - 1
        #expect(pages >= 3)
        #expect(text.contains("/Count \(pages)"))
        #expect(text.contains("strona 1 z \(pages)") && text.contains("strona \(pages) z \(pages)"))
        // Ż is code 135 (octal 207) and Ł 131 (octal 203) through the /Differences, Ó WinAnsi 211 (octal 323).
        #expect(text.contains("(\\207\\323\\203KIEWSKA)"))
        #expect(text.contains("/Differences [128 /Aogonek"))
    }

    @Test func wrappingKeepsEveryLineWithinTheWidthAndLosesNoWord() {
        let s = "WNIOSEK O UDZIELENIE CUDZOZIEMCOWI ZEZWOLENIA NA POBYT CZASOWY ŻÓŁW BARDZODŁUGIESŁOWOKTÓRENIEMIEŚCISIĘWJEDNEJLINII"
        let lines = PDFWriter.wrap(s, width: 120, size: 10, font: .bold)
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { PDFWriter.width($0, size: 10, font: .bold) <= 120 })
        #expect(lines.joined().replacingOccurrences(of: " ", with: "") == s.replacingOccurrences(of: " ", with: ""))
    }
}
