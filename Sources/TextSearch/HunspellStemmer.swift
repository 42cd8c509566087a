import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Dictionary stems from one of Debian's hunspell dictionaries (`hunspell-pl`, `-ru`, `-uk`),
/// through `libhunspell` loaded at run time (nothing needed at build time). Each dictionary
/// names its encoding in the `.aff` (`SET ISO8859-2` for Polish, `SET UTF-8` for Russian and
/// Ukrainian): words go in and stems come out converted, or every word with a letter outside
/// ASCII silently gets no stem. A Hunspell handle is not thread-safe, so calls are serialised;
/// stems are cached.
public final class HunspellStemmer: Stemmer, @unchecked Sendable {
    public static let libraryNames = ["libhunspell-1.7.so.0", "libhunspell-1.7.so", "libhunspell.so"]
    public static let dictionary = (aff: "/usr/share/hunspell/pl_PL.aff", dic: "/usr/share/hunspell/pl_PL.dic")
    /// The dictionaries of the portal's languages: Polish, Russian, Ukrainian (English words are
    /// left to the folding and the light rules).
    public static let dictionaries = [("pl", "pl_PL"), ("ru", "ru_RU"), ("uk", "uk_UA")]

    typealias StemList = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    typealias CreateFunction = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>) -> OpaquePointer?
    typealias StemFunction = @convention(c) (OpaquePointer, UnsafeMutablePointer<StemList>, UnsafePointer<CChar>) -> Int32
    typealias FreeFunction = @convention(c) (OpaquePointer, UnsafeMutablePointer<StemList>, Int32) -> Void

    typealias DestroyFunction = @convention(c) (OpaquePointer) -> Void

    let handle: OpaquePointer
    let stemFunction: StemFunction
    let freeFunction: FreeFunction
    let destroyFunction: DestroyFunction
    let lock = NSLock()
    var cache: [String: [String]] = [:]
    static let cacheLimit = 100_000
    let encoding: String.Encoding
    let language: String

    public var name: String { "hunspell-" + language }

    /// nil when the library or the dictionary is not installed.
    public init?(aff: String = dictionary.aff, dic: String = dictionary.dic, language: String = "pl") {
        guard FileManager.default.fileExists(atPath: aff), FileManager.default.fileExists(atPath: dic),
              let encoding = Self.encoding(ofAffix: aff),
              let library = Self.libraryNames.lazy.compactMap({ dlopen($0, RTLD_NOW) }).first,
              let create = dlsym(library, "Hunspell_create"), let stem = dlsym(library, "Hunspell_stem"),
              let free = dlsym(library, "Hunspell_free_list"), let destroy = dlsym(library, "Hunspell_destroy") else { return nil }
        guard let handle = unsafeBitCast(create, to: CreateFunction.self)(aff, dic) else { return nil }
        self.handle = handle
        self.encoding = encoding
        self.language = language
        stemFunction = unsafeBitCast(stem, to: StemFunction.self)
        freeFunction = unsafeBitCast(free, to: FreeFunction.self)
        destroyFunction = unsafeBitCast(destroy, to: DestroyFunction.self)
    }

    /// A dictionary is tens of megabytes outside Swift's reach: freed with the stemmer.
    deinit { destroyFunction(handle) }

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

    /// The `SET` line of an affix file: the dictionary's encoding (nil: one we cannot convert to).
    static func encoding(ofAffix path: String) -> String.Encoding? {
        guard let handle = FileHandle(forReadingAtPath: path), let head = try? handle.read(upToCount: 4_096) else { return nil }
        let text = String(decoding: head, as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("SET ") }) else { return .isoLatin1 }
        switch line.dropFirst(4).trimmingCharacters(in: .whitespaces).uppercased() {
        case "UTF-8": return .utf8
        case "ISO8859-2", "ISO-8859-2": return .isoLatin2
        case "ISO8859-1", "ISO-8859-1": return .isoLatin1
        case "KOI8-R": return nil
        default: return nil
        }
    }

    func call(_ word: String) -> [String] {
        guard let encoded = word.data(using: encoding), !encoded.contains(0) else { return [] }
        var bytes = encoded.map { CChar(bitPattern: $0) }
        bytes.append(0)
        var list: StemList = nil
        let count = stemFunction(handle, &list, bytes)
        defer { if count > 0 { freeFunction(handle, &list, count) } }
        guard count > 0, let list else { return [] }
        return (0..<Int(count)).compactMap { i in
            list[i].flatMap { String(data: Data(bytes: $0, count: strlen($0)), encoding: encoding) }
        }
    }
}

/// The dictionaries installed for the portal's languages, each asked for the words of its
/// script: Latin words go to the Polish one, Cyrillic words to the Russian and the Ukrainian
/// ones (a word may be both; their stems are all kept, so "пособие" and "допомога" meet their
/// inflected forms). Named after what is loaded ("hunspell-pl+ru+uk"), so the index is rebuilt
/// when a dictionary is installed or removed.
public struct DictionaryStemmer: Stemmer {
    let latin: [HunspellStemmer]
    let cyrillic: [HunspellStemmer]

    public init?(directory: String = "/usr/share/hunspell") {
        var latin: [HunspellStemmer] = [], cyrillic: [HunspellStemmer] = []
        for (language, file) in HunspellStemmer.dictionaries {
            guard let s = HunspellStemmer(aff: "\(directory)/\(file).aff", dic: "\(directory)/\(file).dic", language: language) else { continue }
            if language == "pl" { latin.append(s) } else { cyrillic.append(s) }
        }
        guard !latin.isEmpty || !cyrillic.isEmpty else { return nil }
        self.latin = latin; self.cyrillic = cyrillic
    }

    public var name: String { "hunspell-" + (latin + cyrillic).map(\.language).joined(separator: "+") }

    public func stems(of word: String) -> [String] {
        let isCyrillic = word.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
        var out: [String] = []
        for s in isCyrillic ? cyrillic : latin {
            for stem in s.stems(of: word) where !out.contains(stem) { out.append(stem) }
        }
        return out
    }
}
