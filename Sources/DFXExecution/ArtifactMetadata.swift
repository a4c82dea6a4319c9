import DFXBasics

/// The `metadata` object dbt writes at the top of its artifacts (run_results.json, sources.json).
struct ArtifactMetadata {
    /// The artifact's dbt schema URL, e.g. `https://schemas.getdbt.com/dbt/run-results/v6.json`.
    let schemaVersion: String
    let generatedAt: String
    let invocationID: String

    /// Writes `"metadata": {...}` as the next member of the object open in `json`.
    func write(_ json: inout JSONWriter) {
        json.key("metadata")
        json.beginObject()
        json.key("dbt_schema_version"); json.string(schemaVersion)
        json.key("dbt_version"); json.string("dfx")
        json.key("generated_at"); json.string(generatedAt)
        json.key("invocation_id"); json.string(invocationID)
        json.key("env"); json.beginObject(); json.endObject()
        json.endObject()
    }
}
