import Foundation

/// A deployment's own look: its name, logo and colours. A theme whose text would not be
/// readable (WCAG 2.1 AA contrast) is refused with the failing pair named.
public struct SiteTheme: Sendable, Equatable, Codable {
    /// Shown instead of "Zielona Linia" in every language (nil: the bundled name).
    public var name: String?
    public var colours: Colours
    public var hasLogo: Bool

    public init(name: String? = nil, colours: Colours = .standard, hasLogo: Bool = false) {
        self.name = name; self.colours = colours; self.hasLogo = hasLogo
    }

    public static let standard = SiteTheme()

    public struct Colours: Sendable, Equatable, Codable {
        /// The header, buttons and links.
        public var brand: String
        /// Buttons and links under the pointer.
        public var brandDark: String
        /// Text on the brand colour (the header, buttons).
        public var onBrand: String
        public var ink: String
        public var muted: String
        public var background: String
        /// The footer and highlighted cards.
        public var soft: String

        public init(brand: String, brandDark: String, onBrand: String, ink: String, muted: String, background: String, soft: String) {
            self.brand = brand; self.brandDark = brandDark; self.onBrand = onBrand; self.ink = ink; self.muted = muted
            self.background = background; self.soft = soft
        }

        public static let standard = Colours(brand: "#0b5d1e", brandDark: "#073d14", onBrand: "#ffffff", ink: "#1a1a1a", muted: "#4a4a4a",
                                             background: "#ffffff", soft: "#eef5ef")

        public static let fields = ["brand", "brand_dark", "on_brand", "ink", "muted", "background", "soft"]

        public subscript(field: String) -> String {
            switch field {
            case "brand": brand; case "brand_dark": brandDark; case "on_brand": onBrand; case "ink": ink
            case "muted": muted; case "background": background; default: soft
            }
        }

        /// Each colour in its one spelling (a value that is not a colour is left for `problems`).
        public func normalised() -> Colours {
            func n(_ s: String) -> String { Contrast.RGB(hex: s)?.hex ?? s }
            return Colours(brand: n(brand), brandDark: n(brandDark), onBrand: n(onBrand), ink: n(ink), muted: n(muted), background: n(background), soft: n(soft))
        }

        /// Every pair of text and what it stands on that the pages use.
        public static let pairs: [(text: String, on: String)] = [
            ("on_brand", "brand"), ("on_brand", "brand_dark"), ("ink", "background"), ("muted", "background"), ("brand", "background"),
            ("brand_dark", "background"), ("ink", "soft"), ("muted", "soft"), ("brand", "soft"),
        ]
    }

    public enum Problem: Sendable, Equatable {
        case notAColour(field: String)
        /// `text` on `on` has `ratio`:1, less than the 4.5:1 normal text needs.
        case contrast(text: String, on: String, ratio: Double)
        case nameLength
    }

    public static let minimumContrast = 4.5

    public func problems() -> [Problem] {
        var out: [Problem] = []
        if let name, !(2...60).contains(name.trimmingCharacters(in: .whitespaces).count) { out.append(.nameLength) }
        var rgb: [String: Contrast.RGB] = [:]
        for f in Colours.fields {
            if let c = Contrast.RGB(hex: colours[f]) { rgb[f] = c } else { out.append(.notAColour(field: f)) }
        }
        for (text, on) in Colours.pairs {
            guard let a = rgb[text], let b = rgb[on] else { continue }
            let ratio = Contrast.ratio(a, b)
            if ratio < Self.minimumContrast { out.append(.contrast(text: text, on: on, ratio: ratio)) }
        }
        return out
    }

    /// The colours as CSS custom properties the stylesheet uses (only valid themes are stored).
    public var css: String {
        let c = colours
        return ":root { --green: \(c.brand); --green-dark: \(c.brandDark); --on-brand: \(c.onBrand); --ink: \(c.ink); --muted: \(c.muted); "
            + "--bg: \(c.background); --soft: \(c.soft); }\n"
    }
}

/// WCAG 2.1 contrast: relative luminance of sRGB colours and the ratio of two.
public enum Contrast {
    public struct RGB: Sendable, Equatable {
        public let r: Int, g: Int, b: Int

        /// `#rrggbb` or `#rgb`.
        public init?(hex: String) {
            var s = Substring(hex.trimmingCharacters(in: .whitespaces))
            guard s.first == "#" else { return nil }
            s = s.dropFirst()
            if s.count == 3 { s = Substring(s.map { "\($0)\($0)" }.joined()) }
            guard s.count == 6, s.allSatisfy(\.isHexDigit), let v = Int(s, radix: 16) else { return nil }
            r = v >> 16 & 0xFF; g = v >> 8 & 0xFF; b = v & 0xFF
        }

        /// `#rrggbb`, lower case: the one spelling stored and written into the stylesheet.
        public var hex: String { "#" + [r, g, b].map { String($0, radix: 16).leftPadded(2) }.joined() }

        public var luminance: Double {
            func channel(_ v: Int) -> Double {
                let c = Double(v) / 255
                return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
        }
    }

    public static func ratio(_ a: RGB, _ b: RGB) -> Double {
        let (l1, l2) = (max(a.luminance, b.luminance), min(a.luminance, b.luminance))
        return (l1 + 0.05) / (l2 + 0.05)
    }

    /// "4.48" rounded down, so a pair just below the threshold never reads as passing.
    public static func text(_ ratio: Double) -> String {
        String(format: "%.2f", (ratio * 100).rounded(.down) / 100)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
