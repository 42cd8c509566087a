import Foundation

/// An occupation of the Polish classification of occupations and specialisations (KZiS):
/// 1-digit major groups down to 6-digit occupations. Offers use 6-digit codes.
public struct Occupation: Sendable, Equatable, Hashable {
    public let code: String
    public let name: String
    /// Taught in vocational schools (marked "S" in the classification).
    public let schoolOccupation: Bool

    public init(code: String, name: String, schoolOccupation: Bool = false) {
        self.code = code; self.name = name; self.schoolOccupation = schoolOccupation
    }

    public var level: Int { code.count }
    public var isOccupation: Bool { code.count == 6 }

    /// The code in what an occupation field holds: "721204", or "721204 – Spawacz" as the
    /// type-ahead writes it (the digits it starts with); nil when it starts with no digit (a name).
    public static func code(in text: String) -> String? {
        let digits = text.trimmingCharacters(in: .whitespaces).prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : String(digits)
    }

    /// "721204 – Spawacz", as the field shows a chosen occupation.
    public var label: String { code + " – " + name }
}

public enum OccupationList {
    public enum Failure: Error, Equatable { case badHeader, badRow(line: Int, reason: String) }

    /// The classification shipped with the system (KZiS as in force 2022; see NOTICE).
    public static func bundled() throws -> [Occupation] {
        try parse(try bundledText())
    }

    public static func bundledText() throws -> String {
        guard let url = Bundle.module.url(forResource: "kzis", withExtension: "csv", subdirectory: "Data") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// CSV `code,name[,level,school_occupation]`; every row checked, all or nothing.
    public static func parse(_ text: String) throws(Failure) -> [Occupation] {
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.first, header.hasPrefix("code,name") else { throw .badHeader }
        lines.removeFirst()
        var seen = Set<String>(), result: [Occupation] = []
        for (i, line) in lines.enumerated() where !line.isEmpty {
            let fields = splitCSV(line)
            let lineNumber = i + 2
            guard fields.count >= 2 else { throw .badRow(line: lineNumber, reason: "expected code,name") }
            let code = fields[0], name = fields[1].trimmingCharacters(in: .whitespaces)
            guard [1, 2, 3, 4, 6].contains(code.count), code.allSatisfy(\.isNumber) else {
                throw .badRow(line: lineNumber, reason: "code must have 1–4 or 6 digits")
            }
            guard !name.isEmpty else { throw .badRow(line: lineNumber, reason: "empty name") }
            guard seen.insert(code).inserted else { throw .badRow(line: lineNumber, reason: "code \(code) repeated") }
            result.append(Occupation(code: code, name: name, schoolOccupation: fields.count > 3 && fields[3] == "1"))
        }
        return result
    }

    /// One CSV line with double-quoted fields.
    static func splitCSV(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            switch c {
            case "\"" where quoted:
                // A doubled quote inside quotes is a literal quote.
                if let next = chars.next() {
                    if next == "\"" { current.append("\"") } else { quoted = false; if next == "," { fields.append(current); current = "" } else { current.append(next) } }
                } else { quoted = false }
            case "\"": quoted = true
            case "," where !quoted: fields.append(current); current = ""
            default: current.append(c)
            }
        }
        fields.append(current)
        return fields
    }
}
