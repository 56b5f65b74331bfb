import CentraleDispatch
import CentraleDomain
import CentraleFormats
import CentralePlanning

/// A key the dispatcher pressed, independent of the terminal library.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, tab
    /// Ctrl-U: clear the field being edited.
    case clearField
    /// The terminal changed size.
    case resize
    /// Nothing pressed before the poll timeout (time to look for others' changes).
    case tick
}

/// One trip on the day board.
public struct BoardRow: Hashable, Sendable {
    public var trip: TripRequest
    public var association: String?
    public var version: Int
    /// The comune's name of the beneficiary's end of the trip (for the comune filter and display).
    public var comune: String
    /// In an accepted shared-ride plan: the vehicle and the planned pickup time, e.g. `FP123AB 07:16`.
    public var planned: String?
    /// Why it may no longer be served as arranged (a vehicle off the road, a volunteer absent…).
    public var warning: AvailabilityWarning?

    /// Creates a row.
    public init(trip: TripRequest, association: String?, version: Int, comune: String, planned: String? = nil,
                warning: AvailabilityWarning? = nil) {
        self.warning = warning
        self.trip = trip
        self.association = association
        self.version = version
        self.comune = comune
        self.planned = planned
    }
}

/// What the screen shows.
public enum Screen: Hashable, Sendable {
    /// The day's trips.
    case board
    /// The engine's ranked candidates for one trip.
    case assign(tripID: Int64)
    /// All the keys.
    case help
    /// The new-request form.
    case newRequest
    /// The associations' load and shares.
    case associations
    /// The day's accepted shared-ride plans.
    case plans
    /// The *nuovo beneficiario* form.
    case newPerson
    /// A beneficiary's card.
    case card(String)
    /// The evening-before call list of a day: its trips still to be done, the people to remind,
    /// and which trips their association has not confirmed yet.
    case calls(LocalDate)
}

/// A line of the call list.
public struct CallRow: Hashable, Sendable {
    /// The person's first trip of the day.
    public var trip: Int64
    /// When the person is picked up for it.
    public var time: LocalTime
    public var beneficiary: String
    public var name: String
    public var phone: String
    public var association: String?
    /// `FP123AB/V017` once confirmed; nil while not (for a person with several trips: while any is not).
    public var confirmation: String?
    /// The pickup times of the person's later trips that day (the return).
    public var later: [LocalTime]
    /// The person's trips in the line, how many of them are not confirmed yet, and how many
    /// no association holds.
    public var trips: Int, unconfirmed: Int, unassigned: Int

    public init(trip: Int64, time: LocalTime, beneficiary: String, name: String, phone: String, association: String?, confirmation: String?,
                later: [LocalTime] = []) {
        self.trip = trip
        self.time = time
        self.beneficiary = beneficiary
        self.name = name
        self.phone = phone
        self.association = association
        self.confirmation = confirmation
        self.later = later
        self.trips = 1 + later.count
        self.unconfirmed = confirmation == nil ? 1 + later.count : 0
        self.unassigned = association == nil ? 1 + later.count : 0
    }

    /// One line per person: the trips of the same beneficiary (one row each, by pickup time)
    /// merged into the line of the first, with the later pickups beside it; the line counts as
    /// confirmed only when every trip in it is, names every association that holds one, and
    /// counts the trips nobody holds.
    public static func perPerson(_ trips: [CallRow]) -> [CallRow] {
        var lines: [CallRow] = []
        var index: [String: Int] = [:]
        for trip in trips.sorted(by: { ($0.time, $0.trip) < ($1.time, $1.trip) }) {
            guard let at = index[trip.beneficiary] else {
                index[trip.beneficiary] = lines.count
                lines.append(trip)
                continue
            }
            var line = lines[at]
            line.later.append(trip.time)
            line.trips += trip.trips
            line.unconfirmed += trip.unconfirmed
            line.unassigned += trip.unassigned
            if trip.confirmation == nil { line.confirmation = nil }
            // The associations that hold the person's trips (a trip nobody holds is said by `unassigned`).
            if let other = trip.association {
                let held = line.association.map { $0.split(separator: "/").map(String.init) } ?? []
                if !held.contains(other) { line.association = (held + [other]).joined(separator: "/") }
            }
            lines[at] = line
        }
        return lines
    }
}

/// An accepted shared-ride plan as the screen shows it.
public struct PlanOnScreen: Hashable, Sendable {
    /// The plan.
    public var plan: DayPlan
    /// Whether the day's assignments changed since it was accepted.
    public var stale: Bool
    /// A proposal not accepted yet (`a` accepts it).
    public var proposal: Bool

    /// Creates a row.
    public init(plan: DayPlan, stale: Bool = false, proposal: Bool = false) {
        self.plan = plan
        self.stale = stale
        self.proposal = proposal
    }
}

/// An association's day and month, for the associations screen.
public struct AssociationLoad: Hashable, Sendable {
    public var code: String
    public var today: Int
    public var capacity: Int
    /// This month's share of the assigned trips and the convention share, in basis points.
    public var monthShare: Int
    public var conventionShare: Int

    /// Creates a row.
    public init(code: String, today: Int, capacity: Int, monthShare: Int, conventionShare: Int) {
        self.code = code
        self.today = today
        self.capacity = capacity
        self.monthShare = monthShare
        self.conventionShare = conventionShare
    }
}

/// Something the screen asks the program to do (load, write through the store).
public enum Effect: Hashable, Sendable {
    case loadDay(LocalDate)
    case explain(tripID: Int64)
    case assign(tripID: Int64, association: String, version: Int, engineChoice: Bool)
    case dispatchDay(LocalDate)
    case cancel(tripID: Int64, version: Int)
    /// The beneficiary was not there (the association logs the km later).
    case markNoShow(tripID: Int64, version: Int)
    /// Take back a no-show marked by mistake (the same day only).
    case undoNoShow(tripID: Int64, version: Int)
    /// Check a form field that needs the records (a beneficiary code; places are checked on the screen, `PlaceBook`).
    case lookup(RequestFormState.Field, String)
    /// Submit the new-request form.
    case submitRequest(RequestFormState)
    case loadAssociations(LocalDate)
    /// Read the call list of a day.
    case loadCalls(LocalDate)
    /// Read the day's accepted shared-ride plans.
    case loadPlans(LocalDate)
    /// Plan the day's shared rides and show them, without storing them.
    case proposePlans(LocalDate)
    /// Accept the proposed plans shown for these associations (the plans as seen, not planned again).
    case acceptPlans(LocalDate, associations: [String])
    /// Find people by part of a name, codice fiscale, phone or code (the new-request form).
    case findPeople(String)
    /// Register a person from the *nuovo beneficiario* form (the import's column names).
    case registerPerson([String: String])
    /// Read a beneficiary's card.
    case loadCard(String)
    /// Suspend or close a beneficiary from their card.
    case suspendPerson(code: String, from: LocalDate, to: LocalDate, reason: String)
    case closePerson(code: String, on: LocalDate, reason: ClosingReason, note: String?)
    case quit
}

/// A decision that waits for the dispatcher's confirmation.
public struct Confirmation: Hashable, Sendable {
    /// What is to be done.
    public enum Action: Hashable, Sendable {
        case cancel, noShow, undoNoShow
        /// Leave a form that has something written in it.
        case discardForm
        /// Accept the proposals shown for these associations.
        case acceptPlans(LocalDate, [String])
    }
    public var action: Action
    public var tripID: Int64
    /// The trip's version when the question was asked: if it changed meanwhile, the store refuses.
    public var version: Int

    public init(_ action: Action, tripID: Int64, version: Int) {
        self.action = action
        self.tripID = tripID
        self.version = version
    }

    /// The effect it has once confirmed (none for leaving a form: the screen alone changes).
    var effect: Effect? {
        switch action {
        case .cancel: .cancel(tripID: tripID, version: version)
        case .noShow: .markNoShow(tripID: tripID, version: version)
        case .undoNoShow: .undoNoShow(tripID: tripID, version: version)
        case let .acceptPlans(date, codes): .acceptPlans(date, associations: codes)
        case .discardForm: nil
        }
    }
}

/// The whole state of the dispatcher's screen.
public struct TUIState: Hashable, Sendable {
    public var date: LocalDate
    public var rows: [BoardRow] = []
    public var statusFilter: TripStatus?
    /// Only this association's trips, or this comune's (nil: all).
    public var associationFilter: String?
    public var comuneFilter: String?
    public var search = ""
    public var searching = false
    /// Index into `visibleRows`.
    public var selected = 0
    /// First visible row (scrolling).
    public var top = 0
    public var screen: Screen = .board
    /// For the assign screen: the engine's candidates, the exclusions, the one highlighted.
    public var candidates: [Candidate] = []
    public var exclusions: [Exclusion] = []
    public var blockedReason: String?
    public var candidateSelected = 0
    /// A decision waiting for the dispatcher's yes or no (`s/n`, `y/n`; `s` and `y` are both a yes), on the trip as it
    /// was when the question opened.
    public var pending: Confirmation?
    /// The version of the trip when the candidates screen opened: the assignment acts on it.
    public var assignVersion: Int?
    /// Now, in Europe/Rome (set by the program before each key): a no-show cannot be marked
    /// before the trip's time, and can be taken back only the same day.
    public var nowDate: LocalDate?
    public var nowTime: LocalTime?
    /// How long before an outbound trip's appointment the pickup may happen (`max_ride_minutes`):
    /// a no-show can be marked from then on.
    public var noShowLeadMinutes = 60
    /// The status line: the last result or error.
    public var message = ""
    /// Who is at the keyboard (recorded in the audit trail).
    public var operatorName: String
    /// The language of everything the screen writes (`--lang`, `CENTRALE_LANG`; Italian by default): the words
    /// come from `ScreenLabel` and `ScreenMessage`.
    public var language: Language = .it
    /// The registry's places and comuni: the new-request form checks its Da and A against them.
    public var places = PlaceBook()
    /// The new-request form, while it is open.
    public var form: RequestFormState?
    /// The associations screen's rows.
    public var associationLoads: [AssociationLoad] = []
    /// The plans screen's plans.
    public var plans: [PlanOnScreen] = []
    /// The call list's rows.
    public var calls: [CallRow] = []
    /// The association chosen on the plans screen (an index in `plans`).
    public var planSelected = 0
    /// The first line shown of a list that scrolls (the associations' loads).
    public var listTop = 0
    /// The *nuovo beneficiario* form, while it is open.
    public var personForm: PersonFormState?
    /// The beneficiary card shown, and what its input line asks for.
    public var card: PersonCard?
    public var cardInput: CardInput?

    /// Creates the state for a day.
    public init(date: LocalDate, operatorName: String) {
        self.date = date
        self.operatorName = operatorName
    }

    /// The rows the filters let through, in board order.
    public var visibleRows: [BoardRow] {
        let needle = search.lowercased()
        return rows.filter { row in
            (statusFilter == nil || row.trip.status == statusFilter)
                && (associationFilter == nil || row.association == associationFilter)
                && (comuneFilter == nil || row.comune == comuneFilter)
                && (needle.isEmpty || [row.trip.beneficiary, row.association ?? "", row.comune, row.trip.pickup.label,
                                       row.trip.destination.label, String(row.trip.id)].contains { $0.lowercased().contains(needle) })
        }
    }

    /// The highlighted trip on the board.
    public var selectedRow: BoardRow? {
        let rows = visibleRows
        return rows.indices.contains(selected) ? rows[selected] : nil
    }

    /// Replaces the day's rows, keeping the same trip highlighted when it is still there.
    public mutating func reload(_ newRows: [BoardRow]) {
        let keep = selectedRow?.trip.id
        rows = newRows
        if let keep, let index = visibleRows.firstIndex(where: { $0.trip.id == keep }) { selected = index }
        clampSelection()
    }

    mutating func clampSelection() {
        selected = max(0, min(selected, visibleRows.count - 1))
    }
}
