import Foundation
import ContactCenter

/// A seeded mutation fuzzer for the parsers of outside input (mail, flows, markup, queries,
/// imports, carrier parameters). Inputs derive from a corpus of real-looking samples by stacked
/// byte mutations and splices with the target's own words; the sequence depends only on the
/// seed, so a failure found in CI is found again by running the test with the `FUZZ_SEED` it
/// printed. Each target runs for a bounded time (`FUZZ_SECONDS`, default 3) but never fewer
/// than `minimumInputs`; a single input that runs longer than `hangSeconds` stops the process
/// with the input written out — a hang is a failure, not a slow test.
public struct Fuzzer: Sendable {
    public let name: String
    public let seed: UInt64
    public let seconds: Double
    public let minimumInputs: Int
    public var hangSeconds: Double = 30

    public init(_ name: String, minimumInputs: Int = 300) {
        let env = ProcessInfo.processInfo.environment
        self.name = name
        self.seed = env["FUZZ_SEED"].flatMap { UInt64($0) } ?? 2_026_1206
        self.seconds = env["FUZZ_SECONDS"].flatMap { Double($0) } ?? 3
        self.minimumInputs = minimumInputs
    }

    /// Runs `body` on the corpus as it is, then on mutants until the time is up; returns how
    /// many inputs ran. `body` asserts the parser's promises for one input.
    @discardableResult
    public func run(corpus: [[UInt8]], words: [String] = [], _ body: ([UInt8]) async throws -> Void) async rethrows -> Int {
        precondition(!corpus.isEmpty, "a fuzz target needs a corpus")
        var random = SplitMix64(seed: seed ^ UInt64(truncatingIfNeeded: name.utf8.reduce(5381) { ($0 << 5) &+ $0 &+ Int($1) }))
        let dictionary = words.map { Array($0.utf8) } + Self.tokens
        let watchdog = Watchdog(name: name, seed: seed, limit: hangSeconds)
        defer { watchdog.stop() }
        let deadline = Date().addingTimeInterval(seconds)
        var count = 0
        while count < corpus.count || count < minimumInputs || Date() < deadline {
            let input = count < corpus.count ? corpus[count] : Self.mutant(of: corpus, dictionary: dictionary, &random)
            watchdog.begin(input, number: count)
            try await body(input)
            watchdog.end()
            count += 1
        }
        print("fuzz \(name): \(count) inputs, seed \(seed)")
        return count
    }

    /// Byte strings that reach parsers' corners: separators, quotes, escapes, encodings, huge
    /// numbers, Unicode that changes length when folded or is invalid UTF-8.
    static let tokens: [[UInt8]] = [
        "\r\n", "\n\n", "\"", "\\", "'", ",", ";", "=", "&", "%", "%2", "%ZZ", "%00", "+", "--", "*", "**", "[", "](", ")", "##", "- ",
        "{", "}", ":", "null", "true", "[]", "{}", "-1", "0", "1e309", "99999999999999999999", "NaN", "<", ">", "</", "<![CDATA[", "&amp;",
        "=?UTF-8?B?", "=?ISO-8859-2?Q?", "?=", "boundary=", "multipart/mixed", "base64", "quoted-printable", "charset=", "filename*=",
        "ł", "Ł", "ß", "İ", "ﬃ", "Ё", "ґ", "\u{0301}", "\u{200B}", "\u{202E}", "👩‍👩‍👧", "\u{FEFF}",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0x00], [0xED, 0xA0, 0x80]]

    static func mutant(of corpus: [[UInt8]], dictionary: [[UInt8]], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = corpus[random.below(corpus.count)]
        for _ in 0..<(1 + random.below(6)) {
            let at = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
            switch random.below(9) {
            case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(1 << random.below(8))
            case 1 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] = UInt8(truncatingIfNeeded: random.next())
            case 2: bytes.insert(contentsOf: dictionary[random.below(dictionary.count)], at: at)
            case 3 where at < bytes.count: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(32)))
            case 4 where at < bytes.count:
                // A piece repeated many times: the shape of inputs that make parsers quadratic.
                let piece = Array(bytes[at..<min(bytes.count, at + 1 + random.below(16))])
                for _ in 0..<(1 + random.below(200)) { bytes.insert(contentsOf: piece, at: at) }
            case 5:
                let other = corpus[random.below(corpus.count)]
                let from = random.below(other.count + 1)
                bytes.insert(contentsOf: other[from..<min(other.count, from + random.below(256))], at: at)
            case 6: bytes = Array(bytes.prefix(at))
            case 7:
                let token = dictionary[random.below(dictionary.count)]
                for _ in 0..<(1 + random.below(64)) { bytes.insert(contentsOf: token, at: at) }
            default: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
            }
        }
        return Array(bytes.prefix(256 * 1_024))
    }
}

extension SplitMix64 {
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
}

/// Stops the process when one input runs too long, after writing it where the message says:
/// a parser stuck in a loop never returns to let the test fail.
final class Watchdog: @unchecked Sendable {
    let name: String
    let seed: UInt64
    let limit: Double
    let lock = NSLock()
    var started: Date?
    var input: [UInt8] = []
    var number = 0
    var stopped = false

    init(name: String, seed: UInt64, limit: Double) {
        self.name = name; self.seed = seed; self.limit = limit
        let thread = Thread { [weak self] in
            while let self, self.check() { Thread.sleep(forTimeInterval: 1) }
        }
        thread.start()
    }

    func begin(_ input: [UInt8], number: Int) { lock.withLock { self.input = input; self.number = number; started = Date() } }
    func end() { lock.withLock { started = nil } }
    func stop() { lock.withLock { stopped = true } }

    /// False once stopped; does not return when the current input is stuck.
    func check() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if stopped { return false }
        guard let started, Date().timeIntervalSince(started) > limit else { return true }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-hang-\(name).bin")
        try? Data(input).write(to: file)
        fatalError("fuzz \(name): input \(number) (seed \(seed)) ran over \(Int(limit)) s; it is in \(file.path)")
    }
}
