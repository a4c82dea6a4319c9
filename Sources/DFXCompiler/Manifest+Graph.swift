import DFXBasics
import DFXGraph
import DFXProject

extension Manifest {
    /// The dependency graph of the enabled nodes, for ordering and selection. Fails on a cycle,
    /// printing the whole cycle with files.
    public func dependencyGraph() throws(DiagnosticError) -> DependencyGraph {
        // Built on all cores: each GraphNode copies a dozen of its node's fields (the graph phase is
        // otherwise single-threaded).
        let graphNodes = nodes.concurrentMap { node in
            GraphNode(
                uniqueID: node.uniqueID, name: node.name, resourceType: node.resourceType, packageName: node.packageName,
                fqn: node.fqn, originalFilePath: node.originalFilePath, patchPath: node.patchPath, tags: node.tags,
                config: node.config, sourceName: node.sourceName,
                testType: node.resourceType == .test ? (node.testMetadata == nil ? .singular : .generic) : nil,
                testName: node.testMetadata?.name, parents: node.dependsOnNodes, location: node.location)
        }
        do {
            return try DependencyGraph(nodes: graphNodes)
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError(Diagnostic(.error, "cannot build the dependency graph: \(error)"))
        }
    }

    /// `parent_map` and `child_map` of the manifest, from the graph.
    public func parentAndChildMaps(_ graph: DependencyGraph) -> (parents: [String: [String]], children: [String: [String]]) {
        var parents = [String: [String]](minimumCapacity: nodes.count)
        var children = [String: [String]](minimumCapacity: nodes.count)
        for node in nodes {
            // Most lists hold one ID or none: nothing to sort.
            let nodeParents = graph.parents(of: node.uniqueID)
            parents[node.uniqueID] = nodeParents.count < 2 ? nodeParents : nodeParents.sorted()
            let nodeChildren = graph.children(of: node.uniqueID)
            children[node.uniqueID] = nodeChildren.count < 2 ? nodeChildren : nodeChildren.sorted()
        }
        return (parents, children)
    }
}
