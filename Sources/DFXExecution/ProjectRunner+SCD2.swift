import DFXCompiler
import DFXSQL

extension ProjectRunner {
    /// Builds one snapshot or `scd2` model into its history table (see `Materializer.applySCD2`):
    /// the unit that `dfx snapshot`, `dfx run` (scd2 models) and `dfx build` dispatch to.
    /// `--full-refresh` rebuilds an `scd2` model's history only when it sets
    /// `allow_history_rebuild: true`; otherwise the run is an ordinary incremental one. Snapshots
    /// are never rebuilt (as in dbt).
    func buildSCD2(_ node: Node, relation: RelationName, materializer: Materializer) throws -> NodeWork {
        let kind: SCD2Settings.Kind = node.resourceType == .snapshot ? .snapshot : .model
        let settings = try SCD2Settings(config: node.config, kind: kind)
        let sql = try compiled(node, incremental: false, materializer: materializer)
        let spec = settings.spec(target: relation, executionTime: options.executionTime)
        let rebuild = kind == .model && options.fullRefresh && settings.allowHistoryRebuild
        let extras = try RelationExtras.statements(for: node, relation: relation, type: .table)
        let outcome = try materializer.applySCD2(spec, select: sql, rebuild: rebuild, extras: extras)
        var message = (outcome.created ? "created " : "updated ") + (kind == .snapshot ? "snapshot " : "scd2 ")
            + relation.description + " (" + outcome.summary + ")"
        if kind == .model && options.fullRefresh && !settings.allowHistoryRebuild && !outcome.created {
            message += "; history kept: --full-refresh rebuilds it only with allow_history_rebuild: true"
        }
        return NodeWork(message: message, rows: outcome.inserted + outcome.closed, code: sql)
    }
}
