/// Several problems of one pass (every bad header name at once), reported together.
struct CSVProblems: Error, Sendable, Hashable {
    var problems: [CSVProblem]
}
