import Foundation

/// Lower-cases and removes diacritics, including the Polish letters that Unicode does not
/// decompose (ł, Ł), so that "Łódź", "LODZ" and "lodz" compare equal.
public enum PolishFolding {
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue // combining marks left by the decomposition
            case 0x0142: out.append("l")    // ł
            case 0x0111: out.append("d")    // đ
            case 0x00F8: out.append("o")    // ø
            case 0x00DF: out.append(contentsOf: "ss".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
