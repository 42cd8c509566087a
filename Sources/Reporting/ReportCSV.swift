import Foundation

/// A report as CSV that opens right in a Polish spreadsheet: UTF-8 with a byte-order mark (so
/// ł and ś survive a double click), fields separated by semicolons and decimals written with a
/// comma (the Polish list and decimal separators), CRLF line ends and quoting as RFC 4180 says.
public enum ReportCSV {
    public static func render(header: [String], rows: [[Value]]) -> String {
        var out = "\u{FEFF}" + header.map(quote).joined(separator: ";") + "\r\n"
        for row in rows { out += row.map { quote($0.text) }.joined(separator: ";") + "\r\n" }
        return out
    }

    /// A cell: text as it is, numbers in Polish notation, a missing figure empty.
    public enum Value: Sendable, Equatable {
        case text(String)
        case integer(Int)
        case decimal(Double, places: Int)
        case none

        var text: String {
            switch self {
            case .text(let s): s
            case .integer(let n): String(n)
            case .decimal(let d, let places): String(format: "%.\(places)f", d).replacingOccurrences(of: ".", with: ",")
            case .none: ""
            }
        }
    }

    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
