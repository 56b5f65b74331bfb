/// The language a renderer writes its words in: Italian by default, English on request.
///
/// Every renderer takes one. Today only the monitoring report is translated; the statements,
/// the plan and the dispatch texts still write their English words in both (issue 16 gives them
/// Italian ones).
public enum Language: String, Sendable, CaseIterable {
    case it, en
}
