import Foundation
import Localization

/// Numbers as people in each language write them ("1 234,5" in Polish, "1,234.5" in English).
enum NumberText {
    /// A sum with the fraction only when there is one (at most two places).
    static func decimal(_ value: Double, _ language: Language) -> String {
        formatter(language).string(from: NSNumber(value: value)) ?? "\(value)"
    }

    /// One formatter per thread and language: a formatter is not safe to share between threads.
    private static func formatter(_ language: Language) -> NumberFormatter {
        let key = "zl.numbertext.\(language.rawValue)"
        let cache = Thread.current.threadDictionary
        if let f = cache[key] as? NumberFormatter { return f }
        let f = NumberFormatter()
        f.locale = Locale(identifier: language.locale)
        f.numberStyle = .decimal
        f.maximumFractionDigits = 2
        cache[key] = f
        return f
    }
}
