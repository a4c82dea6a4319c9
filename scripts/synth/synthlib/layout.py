"""The plan of a synthetic project: source tables, models, their layers, folders, upstreams,
materializations and tests. Everything random is drawn here, in a fixed order, from one seeded RNG."""

from dataclasses import dataclass, field

DOMAINS = ["sales", "finance", "marketing", "product", "support", "logistics"]

TABLE_WORDS = [
    "orders", "payments", "customers", "sessions", "events", "invoices", "refunds", "shipments",
    "products", "subscriptions", "tickets", "campaigns", "clicks", "inventory", "suppliers", "returns",
    "reviews", "carts", "coupons", "accounts", "leads", "opportunities", "contracts", "deliveries",
    "warehouses", "employees", "transactions", "ledgers", "budgets", "impressions",
]

TOPIC_WORDS = [
    "revenue", "retention", "activity", "conversion", "engagement", "fulfilment", "billing", "churn",
    "cohorts", "funnel", "margin", "usage", "lifetime", "attribution", "backlog", "quality",
]

# (source column, staging expression, output column, description). `{col}` is the source column.
ATTRIBUTES = [
    ("channel", "lower(trim({col}))", "channel", "Acquisition or sales channel, lower-cased."),
    ("country_code", "upper({col})", "country_code", "ISO 3166 alpha-2 country code."),
    ("currency", "coalesce({col}, '{{{{ var('default_currency', 'USD') }}}}')", "currency_code", "ISO 4217 currency."),
    ("discount_cents", "{{{{ cents_to_dollars('{col}') }}}}", "discount", "Discount in the currency's major unit."),
    ("tax_cents", "{{{{ cents_to_dollars('{col}', scale=4) }}}}", "tax", "Tax in the currency's major unit."),
    ("quantity", "cast({col} as integer)", "quantity", "Number of units."),
    ("is_test", "coalesce({col}, false)", "is_test_record", "True for records created by QA."),
    ("region", "nullif(trim({col}), '')", "region", "Sales region."),
    ("device_type", "lower({col})", "device_type", "Device the record was created on."),
    ("source_system", "{col}", "source_system", "System of record."),
    ("external_ref", "nullif({col}, '')", "external_reference", "Identifier in the partner's system."),
    ("priority", "coalesce({col}, 3)", "priority", "Priority, 1 (highest) to 5."),
    ("weight_grams", "{col} / 1000.0", "weight_kg", "Weight in kilograms."),
    ("notes", "left({col}, 500)", "notes", "Free-text notes, truncated."),
    ("email", "lower(trim({col}))", "email", "Contact e-mail address, lower-cased."),
    ("utm_source", "coalesce({col}, 'direct')", "utm_source", "Marketing source."),
    ("utm_campaign", "{col}", "utm_campaign", "Marketing campaign."),
    ("cancelled_at", "cast({col} as timestamp)", "cancelled_at", "When the record was cancelled."),
    ("shipped_at", "cast({col} as timestamp)", "shipped_at", "When the record shipped."),
    ("score", "cast({col} as numeric(10, 2))", "score", "Model score."),
]

STATUS_SETS = [
    ["placed", "shipped", "completed", "returned", "cancelled"],
    ["active", "paused", "cancelled"],
    ["open", "pending", "solved", "closed"],
    ["draft", "sent", "paid", "void"],
    ["new", "qualified", "won", "lost"],
]

VALUE_TIERS = ["high", "medium", "low"]


@dataclass
class Table:
    name: str
    domain: str
    singular: str
    attributes: list
    statuses: list
    key_tested: bool


@dataclass
class Model:
    name: str
    layer: str          # staging | intermediate | marts
    domain: str
    index: int
    pk: str             # unique key column
    grain: str          # "record" (pk of a source row) or "customer" (pk customer_id)
    materialized: str   # the effective materialization
    config_materialized: str = ""  # set in the model's config() call when it overrides the folder
    upstreams: list = field(default_factory=list)   # model names
    table: Table = None                              # staging only
    template_loop: bool = False
    uses_var: bool = False
    key_tests: bool = False
    accepted_values: bool = False
    relationship_to: str = ""
    non_negative: bool = False
    yaml_tags: list = field(default_factory=list)

    @property
    def folder(self):
        return f"models/{self.layer}/{self.domain}"


@dataclass
class Layout:
    tables: list
    models: list
    singular_tests: list    # (name, [model names])

    def by_name(self):
        return {model.name: model for model in self.models}

    def counts(self):
        layers = [model.layer for model in self.models]
        return {
            "models": len(self.models),
            "staging": layers.count("staging"),
            "intermediate": layers.count("intermediate"),
            "marts": layers.count("marts"),
            "ephemeral": sum(model.materialized == "ephemeral" for model in self.models),
            "incremental": sum(model.materialized == "incremental" for model in self.models),
            "tables": len(self.tables),
            "singular_tests": len(self.singular_tests),
        }

    def limit_view_stacks(self, limit):
        """Makes an intermediate view a table when reading it would expand to more than `limit`
        references to staging models (views and ephemeral models inline their upstreams), so that
        no mart's query plans a deep stack of views. Returns how many models changed. Draws nothing
        from the RNG: the rest of the project stays the same."""
        by_name = self.by_name()
        expanded = {}
        changed = 0
        for model in self.models:
            if model.layer == "staging":
                expanded[model.name] = 1
                continue
            size = sum(
                expanded[name] if by_name[name].materialized in ("view", "ephemeral") else 1
                for name in model.upstreams)
            if model.layer == "intermediate" and model.materialized == "view" and size > limit:
                model.materialized = model.config_materialized = "table"
                changed += 1
                size = 1
            expanded[model.name] = size
        return changed

    @staticmethod
    def plan(count, rng, tables=None):
        tables = plan_tables(tables if tables is not None else max(3, round(count / 20)), rng)
        n_staging = max(3, round(count * 0.40))
        n_intermediate = max(2, round(count * 0.35))
        n_marts = count - n_staging - n_intermediate
        models = []
        for i in range(n_staging):
            models.append(plan_staging(i, tables[i % len(tables)] if i < len(tables) else rng.choice(tables), rng))
        staging = list(models)
        intermediates = []
        for i in range(n_intermediate):
            model = plan_intermediate(len(models), staging, intermediates, rng)
            intermediates.append(model)
            models.append(model)
        marts = []
        for i in range(n_marts):
            model = plan_mart(len(models), staging, intermediates, marts, rng)
            marts.append(model)
            models.append(model)
        plan_tests(models, rng)
        singular = []
        for i in range(min(40, 3 + count // 250)):
            chosen = sorted({rng.choice(marts).name for _ in range(rng.randint(1, 2))})
            singular.append((f"assert_{i:03d}_{chosen[0]}_amounts_reconcile", chosen))
        return Layout(tables, models, singular)


def plan_tables(count, rng):
    tables = []
    for i in range(count):
        word = TABLE_WORDS[i % len(TABLE_WORDS)]
        name = word if i < len(TABLE_WORDS) else f"{word}_{i // len(TABLE_WORDS) + 1}"
        singular = (word[:-3] + "y") if word.endswith("ies") else (word[:-1] if word.endswith("s") else word)
        attributes = sorted(rng.sample(range(len(ATTRIBUTES)), rng.randint(8, 14)))
        tables.append(Table(
            name=name, domain=DOMAINS[i % len(DOMAINS)], singular=singular,
            attributes=[ATTRIBUTES[a] for a in attributes], statuses=rng.choice(STATUS_SETS),
            key_tested=rng.random() < 0.5))
    return tables


def plan_staging(index, table, rng):
    pk = f"{table.singular}_id" if table.singular != "customer" else "customer_record_id"  # customer_id is taken
    model = Model(
        name=f"stg_{table.name}_{index:05d}", layer="staging", domain=table.domain, index=index,
        pk=pk, grain="record", materialized="view", table=table)
    if rng.random() < 0.05:
        model.materialized = model.config_materialized = "ephemeral"
    model.template_loop = rng.random() < 0.5
    model.uses_var = rng.random() < 0.6
    return model


def pick_upstreams(rng, count, pools):
    """`count` distinct names, each drawn from one of `pools` ((weight, [models]) pairs)."""
    chosen = []
    live = [(weight, pool) for weight, pool in pools if pool]
    attempts = 0
    while len(chosen) < count and attempts < count * 20:
        attempts += 1
        total = sum(weight for weight, _ in live)
        roll = rng.random() * total
        for weight, pool in live:
            if roll < weight:
                candidate = rng.choice(pool)
                break
            roll -= weight
        else:
            candidate = rng.choice(live[-1][1])
        if candidate not in chosen:
            chosen.append(candidate)
    return chosen


def plan_intermediate(index, staging, intermediates, rng):
    topic = rng.choice(TOPIC_WORDS)
    upstreams = pick_upstreams(rng, rng.randint(1, 3), [(0.65, staging), (0.35, intermediates[-100:])])
    grain = "customer" if rng.random() < 0.4 else upstreams[0].grain
    domain = upstreams[0].domain if rng.random() < 0.7 else rng.choice(DOMAINS)
    model = Model(
        name=f"int_{domain}_{topic}_{index:05d}", layer="intermediate", domain=domain, index=index,
        pk="customer_id" if grain == "customer" else upstreams[0].pk, grain=grain, materialized="view",
        upstreams=[u.name for u in upstreams])
    if rng.random() < 0.2:
        model.materialized = model.config_materialized = "ephemeral"
    elif rng.random() < 0.1:
        model.materialized = model.config_materialized = "table"
    model.template_loop = rng.random() < 0.5
    model.uses_var = rng.random() < 0.5
    return model


def plan_mart(index, staging, intermediates, marts, rng):
    topic = rng.choice(TOPIC_WORDS)
    pools = [(0.25, staging), (0.6, intermediates), (0.15, marts[-200:])]
    upstreams = pick_upstreams(rng, rng.randint(2, 5), pools)
    grain = "customer" if rng.random() < 0.45 else "record"
    base = next((u for u in upstreams if u.grain == "record"), None) if grain == "record" else None
    if grain == "record" and base is None:
        grain = "customer"
    if base is not None:
        upstreams.remove(base)
        upstreams.insert(0, base)
    domain = rng.choice(DOMAINS)
    prefix = "dim" if grain == "customer" else "fct"
    model = Model(
        name=f"{prefix}_{domain}_{topic}_{index:05d}", layer="marts", domain=domain, index=index,
        pk="customer_id" if grain == "customer" else base.pk, grain=grain, materialized="table",
        upstreams=[u.name for u in upstreams])
    if grain == "record" and rng.random() < 0.4:
        model.materialized = model.config_materialized = "incremental"
    model.template_loop = rng.random() < 0.5
    model.uses_var = rng.random() < 0.5
    return model


def plan_tests(models, rng):
    """unique + not_null on ~30% of models, accepted_values, relationships and non_negative on some.
    Ephemeral models get no tests (they have no relation to test)."""
    staging_names = [m.name for m in models if m.layer == "staging" and m.materialized != "ephemeral"]
    for model in models:
        if model.materialized == "ephemeral":
            continue
        model.key_tests = rng.random() < 0.33
        model.accepted_values = rng.random() < 0.15
        model.non_negative = rng.random() < 0.1
        if model.layer != "staging" and rng.random() < 0.12 and staging_names:
            model.relationship_to = rng.choice(staging_names)
        if rng.random() < 0.1:
            model.yaml_tags = [rng.choice(["pii", "hourly", "nightly", "critical"])]
