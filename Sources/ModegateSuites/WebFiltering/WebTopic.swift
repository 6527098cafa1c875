/// A story the synthetic web covers: its words (which appear in every page about it and in no
/// other), the claim pages take a stance on, and how often they support or deny it.
struct WebTopic: Sendable, Hashable {
    var key: String
    var title: String
    var slug: String
    var claim: String
    var supportRate: Double
    var refuteRate: Double

    /// Fixed, so prompts can name topics; only the pages about them vary with the seed.
    static let all = [
        WebTopic(key: "rebate", title: "Heat pump rebate", slug: "heat-pump-rebate",
                 claim: "the city council approved the heat pump rebate", supportRate: 0.55, refuteRate: 0.2),
        WebTopic(key: "bridge", title: "Harbor bridge closure", slug: "harbor-bridge-closure",
                 claim: "the harbor bridge will close for repairs in June", supportRate: 0.4, refuteRate: 0.35),
        WebTopic(key: "library", title: "Library weekend hours", slug: "library-weekend-hours",
                 claim: "the central library will open on Sundays", supportRate: 0.5, refuteRate: 0.15),
        WebTopic(key: "fares", title: "Transit fare increase", slug: "transit-fare-increase",
                 claim: "bus fares will rise by twenty cents", supportRate: 0.35, refuteRate: 0.35),
        WebTopic(key: "breach", title: "Clinic data breach", slug: "clinic-data-breach",
                 claim: "patient records were exposed in the clinic data breach", supportRate: 0.45, refuteRate: 0.25),
        WebTopic(key: "festival", title: "Lantern festival", slug: "lantern-festival",
                 claim: "the lantern festival was cancelled this year", supportRate: 0.2, refuteRate: 0.55),
    ]

    static func named(_ key: String) -> WebTopic? { all.first { $0.key == key } }
}
