import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Polish dictionary stems from Debian's `hunspell-pl`, through `libhunspell` loaded at run time
/// (nothing needed at build time). The dictionary is ISO-8859-2: words go in and stems come out
/// converted. A Hunspell handle is not thread-safe, so calls are serialised; stems are cached.
public final class HunspellStemmer: Stemmer, @unchecked Sendable {
    public static let libraryNames = ["libhunspell-1.7.so.0", "libhunspell-1.7.so", "libhunspell.so"]
    public static let dictionary = (aff: "/usr/share/hunspell/pl_PL.aff", dic: "/usr/share/hunspell/pl_PL.dic")

    typealias StemList = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    typealias CreateFunction = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>) -> OpaquePointer?
    typealias StemFunction = @convention(c) (OpaquePointer, UnsafeMutablePointer<StemList>, UnsafePointer<CChar>) -> Int32
    typealias FreeFunction = @convention(c) (OpaquePointer, UnsafeMutablePointer<StemList>, Int32) -> Void

    let handle: OpaquePointer
    let stemFunction: StemFunction
    let freeFunction: FreeFunction
    let lock = NSLock()
    var cache: [String: [String]] = [:]
    static let cacheLimit = 100_000

    public var name: String { "hunspell-pl" }

    /// nil when the library or the dictionary is not installed.
    public init?(aff: String = dictionary.aff, dic: String = dictionary.dic) {
        guard FileManager.default.fileExists(atPath: aff), FileManager.default.fileExists(atPath: dic),
              let library = Self.libraryNames.lazy.compactMap({ dlopen($0, RTLD_NOW) }).first,
              let create = dlsym(library, "Hunspell_create"), let stem = dlsym(library, "Hunspell_stem"),
              let free = dlsym(library, "Hunspell_free_list") else { return nil }
        guard let handle = unsafeBitCast(create, to: CreateFunction.self)(aff, dic) else { return nil }
        self.handle = handle
        stemFunction = unsafeBitCast(stem, to: StemFunction.self)
        freeFunction = unsafeBitCast(free, to: FreeFunction.self)
    }

    public func stems(of word: String) -> [String] {
        lock.lock(); defer { lock.unlock() }
        if let cached = cache[word] { return cached }
        var result = call(word)
        // Proper nouns are capitalised in the dictionary ("łodzi" → "Łodzi" → łódź).
        if result.isEmpty, let first = word.first, first.isLowercase { result = call(first.uppercased() + word.dropFirst()) }
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[word] = result
        return result
    }

    func call(_ word: String) -> [String] {
        guard let latin2 = word.data(using: .isoLatin2), !latin2.contains(0) else { return [] }
        var bytes = latin2.map { CChar(bitPattern: $0) }
        bytes.append(0)
        var list: StemList = nil
        let count = stemFunction(handle, &list, bytes)
        defer { if count > 0 { freeFunction(handle, &list, count) } }
        guard count > 0, let list else { return [] }
        return (0..<Int(count)).compactMap { i in
            list[i].flatMap { String(data: Data(bytes: $0, count: strlen($0)), encoding: .isoLatin2) }
        }
    }
}
