"""Model SQL files and the properties YAML of each model folder."""

from .layout import STATUS_SETS
from .sql_intermediate import derived_sql
from .sql_staging import staging_sql
from .yamltext import quoted

CUSTOMER_STATUSES = ["new", "active", "dormant"]


class ModelWriter:
    def __init__(self, layout, rng):
        self.layout = layout
        self.rng = rng
        self.models = layout.by_name()
        self.statuses = {}

    def files(self):
        files = {}
        folders = {}
        for model in self.layout.models:
            files[f"{model.folder}/{model.name}.sql"] = self.model_sql(model)
            folders.setdefault(model.folder, []).append(model)
        for folder in sorted(folders):
            layer, domain = folder.split("/")[1:]
            files[f"{folder}/_{layer}_{domain}__models.yml"] = self.properties_yaml(folders[folder])
        return files

    def model_sql(self, model):
        if model.layer == "staging":
            self.statuses[model.name] = model.table.statuses
            return staging_sql(model, self.rng)
        upstreams = [self.models[name] for name in model.upstreams]
        if model.grain == "customer":
            self.statuses[model.name] = CUSTOMER_STATUSES
        else:
            self.statuses[model.name] = self.statuses.get(upstreams[0].name, STATUS_SETS[0])
        return derived_sql(model, upstreams, self.statuses[model.name], self.rng)

    def properties_yaml(self, models):
        lines = ["version: 2", "", "models:"]
        for model in models:
            lines += self.model_properties(model)
        return "\n".join(lines) + "\n"

    def model_properties(self, model):
        what = {"staging": "Cleaned and typed", "intermediate": "Business logic over", "marts": "Reporting table of"}[model.layer]
        grain = "one row per customer" if model.grain == "customer" else f"one row per {model.pk.removesuffix('_id').replace('_', ' ')}"
        lines = [
            f"  - name: {model.name}",
            f"    description: {quoted(f'{what} {model.domain} data, {grain}. Materialized as {model.materialized}.')}",
        ]
        if model.yaml_tags:
            lines += ["    config:", "      tags: [" + ", ".join(quoted(t) for t in model.yaml_tags) + "]"]
        lines.append("    columns:")
        key = [
            f"      - name: {model.pk}",
            "        description: Unique key of the model." if model.pk != "customer_id" else "        description: The customer's key.",
        ]
        tests = []
        if model.key_tests:
            tests += ["          - unique", "          - not_null"]
        if model.relationship_to and model.pk == "customer_id":
            tests += relationship_lines(model.relationship_to)
        if tests:
            key += ["        data_tests:"] + tests
        lines += key
        if model.pk != "customer_id":
            lines += ["      - name: customer_id", "        description: The customer the record belongs to."]
            if model.relationship_to:
                lines += ["        data_tests:"] + relationship_lines(model.relationship_to)
        lines += ["      - name: status", "        description: Lifecycle status."]
        if model.accepted_values:
            values = ", ".join(quoted(s) for s in self.statuses[model.name])
            lines += [
                "        data_tests:",
                "          - accepted_values:",
                "              arguments:",
                f"                values: [{values}]",
                "              config:",
                "                severity: warn",
            ]
        lines += ["      - name: amount", "        description: Amount in the currency's major unit."]
        if model.non_negative:
            lines += ["        data_tests:", "          - non_negative:", "              arguments:", "                allow_null: false"]
        lines += [
            "      - name: created_at",
            "        description: When the record was created (UTC).",
            "      - name: updated_at",
            "        description: When the record last changed (UTC).",
        ]
        return lines


def relationship_lines(parent):
    return [
        "          - relationships:",
        "              arguments:",
        f"                to: ref('{parent}')",
        "                field: customer_id",
    ]
