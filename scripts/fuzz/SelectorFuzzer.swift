// libFuzzer entry point for the selector parser and evaluator (built by fuzz-selector.sh together
// with the DFXBasics and DFXGraph sources as one module).
//
// Each input is split at the first newline: the first line is a `--select` argument (parsed, then
// evaluated on a small graph in every indirect-selection mode), the rest is a `--exclude` argument;
// the first line is also fed to the YAML-string parser and used as an fnmatch/path pattern. Any
// crash, trap or hang is a bug: parsing and selection must only ever return values or diagnostics.

let fuzzGraph: DependencyGraph? = {
    func node(_ id: String, _ type: ResourceType, _ fqn: [String], _ path: String, _ parents: [String], tags: [String] = [])
        -> GraphNode
    {
        GraphNode(
            uniqueID: id, name: fqn.last ?? id, resourceType: type, packageName: fqn.first ?? "p", fqn: fqn,
            originalFilePath: path, tags: tags, config: ["materialized": .string("view"), "meta": .dict(["o": .int(1)])],
            sourceName: type == .source ? "raw" : nil, testType: type == .test ? .generic : nil,
            testName: type == .test ? "unique" : nil, parents: parents)
    }
    return try? DependencyGraph(nodes: [
        node("source.p.raw.t", .source, ["p", "raw", "t"], "models/src.yml", []),
        node("model.p.a", .model, ["p", "staging", "a"], "models/staging/a.sql", ["source.p.raw.t"], tags: ["x"]),
        node("model.p.b", .model, ["p", "marts", "b.v2"], "models/marts/b.sql", ["model.p.a"]),
        node("model.q.c", .model, ["q", "c"], "models/c.sql", ["model.p.b", "model.p.a"], tags: ["y", "x"]),
        node("test.p.unique_a.1", .test, ["p", "staging", "unique_a"], "models/staging/s.yml", ["model.p.a", "model.p.b"]),
    ])
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func selectorFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let select = lines.first ?? ""
    let exclude = lines.count > 1 ? [lines[1]] : []

    _ = try? SelectorParser.parseCriteria(select, location: SourceLocation(file: "selectors.yml", line: 1, column: 1))
    _ = Glob(select).matches("models/staging/a.sql")
    _ = PathMatcher(select).matchesFileOrParent(["models", "staging", "a.sql"])
    _ = FQNMatcher(select).matches(fqn: ["p", "staging", "a"], flat: ["p", "staging", "a"])

    guard let graph = fuzzGraph, let spec = try? SelectorParser.commandLine(select: [select], exclude: exclude) else {
        return 0
    }
    let selector = NodeSelector(graph: graph)
    for mode in IndirectSelection.allCases {
        _ = selector.select(spec, indirectSelection: mode, resourceTypes: nil)
    }
    return 0
}
