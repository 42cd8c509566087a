import Foundation

/// The data files shipped with the module: TERYT TERC 2024, the postal-code table and the
/// office list. Loaded once; deployments replace them through import commands.
public enum ReferenceData {
    public static func text(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Data") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Data/\(name)"])
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    public static let register: TerritorialRegister = TerritorialRegister(tercCSV: (try? text("pl-teryt-terc.csv")) ?? "")

    /// Parsed once per process: tests and the loader ask for it many times.
    private static let parsedPostalCodes: [PostalCodeEntry] = PostalCodeEntry.parse(csv: (try? text("pl-postal-codes.csv")) ?? "")

    public static func postalCodes() throws -> [PostalCodeEntry] {
        guard !parsedPostalCodes.isEmpty else { _ = try text("pl-postal-codes.csv"); return [] }
        return parsedPostalCodes
    }

    public static func offices() throws -> [Office] {
        let parsed = OfficeCSV.parse(try text("offices.csv"), register: register)
        if let e = parsed.errors.first {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "offices.csv line \(e.line): \(e.field) \(e.reason)"])
        }
        return parsed.offices
    }
}
