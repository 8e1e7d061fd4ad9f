/// A version of a position's PK for a year, as the rules about versions need it.
public protocol PkVersioned {
    var version: Int { get }
    var status: PkStatus { get }
}

/// Which version of a position's PK counts for what. One place, so that the board, the inbox, the portal and the PK
/// page cannot disagree.
public enum PkVersions {
    /// The newest version, whatever its status: the one being worked on.
    public static func latest<V: PkVersioned>(_ versions: some Sequence<V>) -> V? {
        versions.max { $0.version < $1.version }
    }

    /// The PK in force: the newest signed version (a PK Perubahan replaces the one before once it is signed).
    public static func inForce<V: PkVersioned>(_ versions: some Sequence<V>) -> V? {
        versions.filter { $0.status.isSigned }.max { $0.version < $1.version }
    }

    /// What the public sees: the newest published version.
    public static func published<V: PkVersioned>(_ versions: some Sequence<V>) -> V? {
        versions.filter { $0.status == .diterbitkan }.max { $0.version < $1.version }
    }

    /// The newest version of each key (position and year), from versions in any order.
    public static func latestOfEach<V: PkVersioned, K: Hashable>(_ versions: some Sequence<V>, by key: (V) -> K) -> [V] {
        Dictionary(grouping: versions, by: key).values.compactMap { latest($0) }
    }
}
