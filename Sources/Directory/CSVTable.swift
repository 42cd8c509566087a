import Foundation

/// A small RFC 4180 reader: quoted fields, doubled quotes, commas and newlines inside quotes.
/// Works on UTF-8 bytes (the separators are ASCII), which keeps the 1 MB postal table fast.
public struct CSVTable: Sendable {
    public let header: [String]
    public let rows: [[String]]

    public init(text: String) {
        let bytes = Array(text.utf8)
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var i = 0
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        func take() -> String { let s = String(decoding: field, as: UTF8.self); field.removeAll(keepingCapacity: true); return s }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < bytes.count && bytes[i + 1] == quote { field.append(quote); i += 1 } else { inQuotes = false }
                } else { field.append(b) }
            } else {
                switch b {
                case quote: inQuotes = true
                case comma: record.append(take())
                case cr: break
                case lf: record.append(take()); records.append(record); record = []
                default: field.append(b)
                }
            }
            i += 1
        }
        if !field.isEmpty || !record.isEmpty { record.append(take()); records.append(record) }
        header = records.first ?? []
        rows = Array(records.dropFirst()).filter { !($0.count == 1 && $0[0].isEmpty) }
    }

    /// Rows as dictionaries keyed by the header; missing trailing fields read as "".
    public var records: [[String: String]] {
        rows.map { row in
            var d: [String: String] = [:]
            for (i, h) in header.enumerated() { d[h] = i < row.count ? row[i] : "" }
            return d
        }
    }

    /// A field as written in a file: quoted when it holds a separator, a quote or a line break
    /// of any kind (an unquoted "\r" would be read as part of a line ending and lost).
    public static func escape(_ s: String) -> String {
        s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
