import Foundation

/// The wait told to a caller or chat visitor in a queue: when every consultant is busy, the
/// k-th in line is answered after k of them finish, and with c consultants finishing one
/// handle time apart each, that is k × handle time ÷ c. The handle time is the one observed
/// (the reports' sums of the last days), not a constant.
public enum AnnouncedWait {
    public static let fallbackHandleTime: TimeInterval = 180

    public static func seconds(position: Int, agents: Int, handleTime: TimeInterval?) -> TimeInterval {
        let aht = handleTime.flatMap { $0 > 0 ? $0 : nil } ?? fallbackHandleTime
        return Double(max(1, position)) * aht / Double(max(1, agents))
    }

    /// Whole minutes, rounded up, at least one: what the announcement says.
    public static func minutes(position: Int, agents: Int, handleTime: TimeInterval?) -> Int {
        minutes(seconds: seconds(position: position, agents: agents, handleTime: handleTime))
    }

    public static func minutes(seconds: TimeInterval) -> Int { max(1, Int((seconds / 60).rounded(.up))) }
}
