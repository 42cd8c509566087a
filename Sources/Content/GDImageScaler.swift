import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Scaling through Debian's `libgd` (JPEG and PNG), loaded at run time like the hunspell
/// stemmer, so building and the run command need nothing installed; without it uploads that
/// are already small enough are kept as they are.
public struct GDImageScaler: ImageScaler, @unchecked Sendable {
    public static let libraryNames = ["libgd.so.3", "libgd.so"]
    public var name: String { "libgd" }

    typealias Decode = @convention(c) (Int32, UnsafeMutableRawPointer) -> OpaquePointer?
    typealias Scale = @convention(c) (OpaquePointer, UInt32, UInt32) -> OpaquePointer?
    typealias EncodeJPEG = @convention(c) (OpaquePointer, UnsafeMutablePointer<Int32>, Int32) -> UnsafeMutableRawPointer?
    typealias EncodePNG = @convention(c) (OpaquePointer, UnsafeMutablePointer<Int32>) -> UnsafeMutableRawPointer?
    typealias SetFlag = @convention(c) (OpaquePointer, Int32) -> Void
    typealias Destroy = @convention(c) (OpaquePointer) -> Void
    typealias Free = @convention(c) (UnsafeMutableRawPointer) -> Void

    let fromJPEG: Decode, fromPNG: Decode, scale: Scale, toJPEG: EncodeJPEG, toPNG: EncodePNG
    let saveAlpha: SetFlag, alphaBlending: SetFlag, destroy: Destroy, free: Free

    public init?() {
        guard let lib = Self.libraryNames.lazy.compactMap({ dlopen($0, RTLD_NOW) }).first else { return nil }
        func symbol<T>(_ name: String, _ type: T.Type) -> T? { dlsym(lib, name).map { unsafeBitCast($0, to: T.self) } }
        guard let fromJPEG = symbol("gdImageCreateFromJpegPtr", Decode.self), let fromPNG = symbol("gdImageCreateFromPngPtr", Decode.self),
              let scale = symbol("gdImageScale", Scale.self), let toJPEG = symbol("gdImageJpegPtr", EncodeJPEG.self),
              let toPNG = symbol("gdImagePngPtr", EncodePNG.self), let saveAlpha = symbol("gdImageSaveAlpha", SetFlag.self),
              let alphaBlending = symbol("gdImageAlphaBlending", SetFlag.self), let destroy = symbol("gdImageDestroy", Destroy.self),
              let free = symbol("gdFree", Free.self) else { return nil }
        self.fromJPEG = fromJPEG; self.fromPNG = fromPNG; self.scale = scale; self.toJPEG = toJPEG; self.toPNG = toPNG
        self.saveAlpha = saveAlpha; self.alphaBlending = alphaBlending; self.destroy = destroy; self.free = free
    }

    public func scale(_ data: Data, format: ContentImage.Format, width: Int, height: Int) -> Data? {
        var bytes = [UInt8](data)
        let decoded = bytes.withUnsafeMutableBytes { raw -> OpaquePointer? in
            guard let base = raw.baseAddress else { return nil }
            return format == .jpeg ? fromJPEG(Int32(raw.count), base) : fromPNG(Int32(raw.count), base)
        }
        guard let source = decoded else { return nil }
        defer { destroy(source) }
        guard let scaled = scale(source, UInt32(width), UInt32(height)) else { return nil }
        defer { destroy(scaled) }
        var size: Int32 = 0
        let out: UnsafeMutableRawPointer?
        switch format {
        case .jpeg: out = toJPEG(scaled, &size, 85)
        case .png:
            // Logos are often transparent: keep the alpha channel rather than blend it on black.
            alphaBlending(scaled, 0); saveAlpha(scaled, 1)
            out = toPNG(scaled, &size)
        }
        guard let out, size > 0 else { return nil }
        defer { free(out) }
        return Data(bytes: out, count: Int(size))
    }
}
