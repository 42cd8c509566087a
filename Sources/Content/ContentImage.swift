import Foundation

/// An uploaded picture (a news image, a partner's logo, the deployment's logo), judged by its
/// bytes — never by its name or declared type — and scaled down to what a page shows.
public enum ContentImage {
    public enum Format: String, Sendable, Codable { case jpeg, png

        public var contentType: String { self == .jpeg ? "image/jpeg" : "image/png" }
    }

    public struct Info: Sendable, Equatable, Codable {
        public let id: UUID
        public let format: Format
        public let width: Int
        public let height: Int
        public init(id: UUID, format: Format, width: Int, height: Int) { self.id = id; self.format = format; self.width = width; self.height = height }
    }

    /// An image ready to store.
    public struct Prepared: Sendable, Equatable {
        public let format: Format
        public let data: Data
        public let width: Int
        public let height: Int
    }

    public enum Problem: String, Error, Sendable, Equatable {
        case tooBig = "image.error.too_big"
        case notAnImage = "image.error.not_image"
        case tooManyPixels = "image.error.too_many_pixels"
        case tooSmall = "image.error.too_small"
        /// The header says it is an image but it does not decode.
        case damaged = "image.error.damaged"
    }

    public static let maxBytes = 5 * 1024 * 1024
    /// Decoding a 100-megapixel picture takes 400 MB: refused before decoding (a "bomb" of a
    /// few kilobytes can claim any size in its header).
    public static let maxPixels = 40_000_000
    public static let minSide = 16

    public static func format(of data: Data) -> Format? {
        if data.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        return nil
    }

    /// Width and height from the header: PNG's IHDR, or JPEG's first start-of-frame marker.
    public static func dimensions(of data: Data, format: Format) -> (width: Int, height: Int)? {
        let b = [UInt8](data.prefix(format == .png ? 24 : min(data.count, 1 << 20)))
        func be16(_ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
        func be32(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
        switch format {
        case .png:
            guard b.count >= 24, b[12...15].elementsEqual("IHDR".utf8) else { return nil }
            return (be32(16), be32(20))
        case .jpeg:
            var i = 2
            while i + 9 < b.count {
                guard b[i] == 0xFF else { return nil }
                let marker = b[i + 1]
                if marker == 0xFF { i += 1; continue }
                // Markers without a length.
                if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
                let length = be16(i + 2)
                // Start of frame: baseline, progressive and the rest, not DHT (C4), JPG (C8), DAC (CC).
                if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                    return (be16(i + 7), be16(i + 5))
                }
                guard length >= 2 else { return nil }
                i += 2 + length
            }
            return nil
        }
    }

    /// Checks an upload and scales it to at most `maxWidth` × `maxHeight`, re-encoded (which
    /// also drops its metadata: a phone's photo carries where it was taken). Without an image
    /// library the original is kept if it is already small enough.
    public static func prepare(_ data: Data, maxWidth: Int, maxHeight: Int, scaler: (any ImageScaler)?) throws(Problem) -> Prepared {
        guard data.count <= maxBytes else { throw .tooBig }
        guard let format = format(of: data) else { throw .notAnImage }
        guard let (w, h) = dimensions(of: data, format: format), w > 0, h > 0 else { throw .damaged }
        guard w * h <= maxPixels else { throw .tooManyPixels }
        guard w >= minSide, h >= minSide else { throw .tooSmall }
        let (tw, th) = fit(width: w, height: h, maxWidth: maxWidth, maxHeight: maxHeight)
        guard let scaler else {
            guard tw == w && th == h else { throw .tooManyPixels }
            return Prepared(format: format, data: data, width: w, height: h)
        }
        guard let out = scaler.scale(data, format: format, width: tw, height: th) else { throw .damaged }
        return Prepared(format: format, data: out, width: tw, height: th)
    }

    /// The size that keeps the proportions within the box (never larger than the original).
    public static func fit(width: Int, height: Int, maxWidth: Int, maxHeight: Int) -> (Int, Int) {
        let ratio = min(1, Double(maxWidth) / Double(width), Double(maxHeight) / Double(height))
        guard ratio < 1 else { return (width, height) }
        return (max(1, Int((Double(width) * ratio).rounded())), max(1, Int((Double(height) * ratio).rounded())))
    }
}

/// Decodes, scales and encodes again; nil when the bytes do not decode as `format`.
public protocol ImageScaler: Sendable {
    var name: String { get }
    func scale(_ data: Data, format: ContentImage.Format, width: Int, height: Int) -> Data?
}
