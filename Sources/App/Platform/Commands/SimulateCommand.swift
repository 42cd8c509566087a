import Vapor
import ContactCenter

/// `zielona simulate [--offices 340] [--agents 2000] [--contacts 20000] [--hours 10] [--aht 240]
/// [--patience 180] [--seed 1] [--overflow predictive|time]`: a day of calls through the real
/// router, next to Erlang C for the same load fully pooled (the ceiling) and with each office
/// alone (the floor). Needs no database.
struct SimulateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "offices", help: "Offices (default 340).") var offices: Int?
        @Option(name: "agents", help: "Agents logged in all day (default 2000, 5% in the national pool).") var agents: Int?
        @Option(name: "contacts", help: "Calls in the day (default 20000).") var contacts: Int?
        @Option(name: "hours", help: "Length of the day in hours (default 10).") var hours: Double?
        @Option(name: "aht", help: "Mean handle time in seconds (default 240).") var aht: Double?
        @Option(name: "patience", help: "Mean time before a waiting caller hangs up, seconds (default 180).") var patience: Double?
        @Option(name: "seed", help: "Seed (default 1): the same seed gives the same day.") var seed: UInt64?
        @Option(name: "overflow", help: "predictive (default): wider as soon as the office would miss 20 s; time: only after 60 s / 180 s (the old rule, to compare).")
        var overflow: String?
        @Option(name: "reserve", help: "Free consultants an office keeps for its own callers when lending to a neighbour (default 1).")
        var reserve: Int?
    }

    var help: String { "Simulate a day of calls through the router: service level, ASA, abandonment, occupancy, and Erlang C for the same load." }

    func run(using context: CommandContext, signature: Signature) async throws {
        var p = Simulation.Parameters()
        p.offices = signature.offices ?? p.offices; p.agents = signature.agents ?? p.agents; p.contacts = signature.contacts ?? p.contacts
        p.dayLength = (signature.hours ?? 10) * 3_600; p.handleTime = signature.aht ?? p.handleTime; p.patience = signature.patience ?? p.patience
        p.seed = signature.seed ?? p.seed
        guard p.offices >= 1, p.offices <= 10_000, p.agents >= 1, p.agents <= 100_000, p.contacts >= 1, p.contacts <= 5_000_000,
              p.dayLength > 0, p.handleTime > 0, p.patience > 0 else {
            throw ConsoleCommandError(message: "offices 1–10000, agents 1–100000, contacts 1–5000000, and positive hours, aht and patience")
        }
        let overflow = signature.overflow ?? "predictive"
        guard ["predictive", "time"].contains(overflow) else { throw ConsoleCommandError(message: "--overflow is predictive or time") }
        guard (0...100).contains(signature.reserve ?? 1) else { throw ConsoleCommandError(message: "--reserve is 0 to 100") }
        var policy = RoutingPolicy(predictive: overflow == "predictive", reserve: signature.reserve ?? 1)
        policy.answerWithin[.voice] = p.serviceLevelTarget
        let simulation = Simulation(p, router: Router(policy: policy))
        let started = ContinuousClock.now
        let r = simulation.run()
        let elapsed = ContinuousClock.now - started
        let erlang = simulation.erlangC()
        func f(_ v: Double) -> String { String(format: "%.4f", v) }
        func share(_ tier: Tier) -> String { f(r.answered == 0 ? 0 : Double(r.byTier[tier] ?? 0) / Double(r.answered)) }
        for line in [
            "overflow \(overflow)", "reserve \(policy.reserve)", "offices \(p.offices)", "agents \(p.agents)", "contacts \(p.contacts)", "hours \(p.dayLength / 3_600)", "aht_seconds \(p.handleTime)",
            "service_level \(f(r.serviceLevel))", "asa_seconds \(f(r.averageSpeedOfAnswer))", "abandon_rate \(f(r.abandonRate))",
            "occupancy \(f(simulation.occupancy(r)))",
            "erlang_c_service_level \(f(erlang.serviceLevel(within: p.serviceLevelTarget)))",
            "erlang_c_asa_seconds \(f(erlang.averageSpeedOfAnswer))", "erlang_c_occupancy \(f(erlang.occupancy))",
            "erlang_c_pooled_service_level \(f(erlang.serviceLevel(within: p.serviceLevelTarget)))",
            "erlang_c_isolated_service_level \(f(simulation.isolatedServiceLevel()))",
            "answered_own_office \(share(.office))", "answered_voivodeship \(share(.voivodeship))", "answered_national \(share(.national))",
            "answered_office \(r.byTier[.office] ?? 0)", "answered_voivodeship_count \(r.byTier[.voivodeship] ?? 0)",
            "answered_national_count \(r.byTier[.national] ?? 0)",
            "announced_wait_count \(r.announced)", "announced_wait_bias_seconds \(f(r.announcedWaitBias))",
            "announced_wait_mae_seconds \(f(r.announcedWaitMeanAbsoluteError))",
            "announced_wait_office_only_mae_seconds \(f(r.officeOnlyWaitMeanAbsoluteError))",
            String(format: "elapsed_seconds %.2f", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18),
        ] { context.console.print(line) }
    }
}
