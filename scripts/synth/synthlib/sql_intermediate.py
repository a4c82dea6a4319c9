"""SQL of intermediate and mart models: joins and customer-level aggregates over upstream models.

Every model exposes at least its key, customer_id, status, amount, created_at and updated_at, so any
model can be an upstream of any later one."""

from .sql_staging import header


def derived_sql(model, upstreams, statuses, rng):
    out = []
    if model.materialized == "incremental":
        incremental_header(out, model)
    else:
        header(out, model, rng)
    names = ", ".join(u.name for u in upstreams)
    grain = "customer" if model.grain == "customer" else model.pk.removesuffix("_id").replace("_", " ")
    out += [
        f"-- {model.name}: one row per {grain}.",
        f"-- Built from {names}.",
        "",
        "with",
    ]
    aggregated = upstreams if model.grain == "customer" else upstreams[1:]
    if model.grain == "customer":
        customer_spine(out, model, upstreams)
    else:
        base_cte(out, model, upstreams[0], statuses)
    compact = len(aggregated) > 1
    for position, upstream in enumerate(aggregated):
        aggregate_cte(out, f"u{position + 1}", upstream, compact)
    joined_cte(out, model, len(aggregated), compact)
    windowed_cte(out, model)
    final_cte(out, model, len(aggregated), statuses)
    out += ["", "select * from final"]
    return "\n".join(out) + "\n"


def incremental_header(out, model):
    out += [
        "{{",
        "    config(",
        "        materialized='incremental',",
        f"        unique_key='{model.pk}',",
        "        on_schema_change='append_new_columns'",
        "    )",
        "}}",
        "",
    ]


def customer_spine(out, model, upstreams):
    out += ["", "customers as (", ""]
    if model.template_loop:
        listed = ", ".join(f"'{u.name}'" for u in upstreams)
        out += [
            f"    {{% for upstream in [{listed}] %}}",
            "    select customer_id from {{ ref(upstream) }}",
            "    {% if not loop.last %}union{% endif %}",
            "    {% endfor %}",
            "",
            "),",
        ]
        return
    for position, upstream in enumerate(upstreams):
        if position:
            out.append("    union")
        out.append(f"    select customer_id from {{{{ ref('{upstream.name}') }}}}")
    out += ["", "),"]


def base_cte(out, model, upstream, statuses):
    out += [
        "",
        "base as (",
        "",
        "    select",
        f"        {model.pk},",
        "        customer_id,",
        "        status,",
        "        amount,",
        "        created_at,",
        "        updated_at",
        f"    from {{{{ ref('{upstream.name}') }}}}",
        "    where status is not null",
    ]
    if model.materialized == "incremental":
        out += [
            "    {% if is_incremental() %}",
            "      -- only records changed since the last run, with a lookback for late arrivals",
            "      and updated_at >= (",
            "          select coalesce(max(updated_at), '1900-01-01') from {{ this }}",
            "      ) - interval '{{ var(\"lookback_days\", 3) }} days'",
            "    {% endif %}",
        ]
    elif model.uses_var:
        out.append("      and created_at >= '{{ var(\"start_date\") }}'")
    out += ["", "),"]


def aggregate_cte(out, alias, upstream, compact):
    if compact:
        out += [
            f"{alias}_by_customer as (",
            f"    select customer_id, count(*) as {alias}_records, sum(amount) as {alias}_amount,",
            f"        min(created_at) as {alias}_first_created_at, max(updated_at) as {alias}_last_updated_at",
            f"    from {{{{ ref('{upstream.name}') }}}}",
            "    group by customer_id",
            "),",
        ]
        return
    out += [
        "",
        f"{alias}_by_customer as (",
        "",
        "    select",
        "        customer_id,",
        f"        count(*) as {alias}_records,",
        f"        sum(amount) as {alias}_amount,",
        f"        avg(amount) as {alias}_average_amount,",
        f"        min(created_at) as {alias}_first_created_at,",
        f"        max(updated_at) as {alias}_last_updated_at",
        f"    from {{{{ ref('{upstream.name}') }}}}",
        "    group by customer_id",
        "",
        "),",
    ]


def joined_cte(out, model, count, compact):
    aliases = [f"u{i + 1}" for i in range(count)]
    out += ["", "joined as (", "", "    select"]
    if model.grain == "customer":
        amounts = " + ".join(f"coalesce({a}.{a}_amount, 0)" for a in aliases)
        firsts = ", ".join(f"{a}.{a}_first_created_at" for a in aliases)
        lasts = ", ".join(f"{a}.{a}_last_updated_at" for a in aliases)
        out += [
            "        customers.customer_id,",
            f"        {amounts} as amount,",
            f"        least({firsts}) as created_at,",
            f"        greatest({lasts}) as updated_at,",
        ]
    else:
        out += [
            f"        base.{model.pk},",
            "        base.customer_id,",
            "        base.status,",
            "        base.amount,",
            "        base.created_at,",
            "        base.updated_at,",
        ]
    for alias in aliases:
        if compact:
            out += [
                f"        coalesce({alias}.{alias}_records, 0) as {alias}_records,",
                f"        coalesce({alias}.{alias}_amount, 0) as {alias}_amount,",
            ]
            continue
        out += [
            f"        coalesce({alias}.{alias}_records, 0) as {alias}_records,",
            f"        coalesce({alias}.{alias}_amount, 0) as {alias}_amount,",
            f"        {alias}.{alias}_average_amount,",
            f"        {alias}.{alias}_first_created_at,",
            f"        {alias}.{alias}_last_updated_at,",
        ]
    out[-1] = out[-1].rstrip(",")
    source = "customers" if model.grain == "customer" else "base"
    out.append(f"    from {source}")
    for alias in aliases:
        if compact:
            out.append(f"    left join {alias}_by_customer as {alias} on {alias}.customer_id = {source}.customer_id")
            continue
        out += [
            f"    left join {alias}_by_customer as {alias}",
            f"        on {alias}.customer_id = {source}.customer_id",
        ]
    out += ["", "),"]


def windowed_cte(out, model):
    out += ["", "windowed as (", "", "    select", "        joined.*,"]
    if model.template_loop:
        out += [
            "        {% set windows = [7, 30, 90] %}",
            "        {% for days in windows %}",
            "        sum(case when created_at >= current_date - {{ days }} then amount else 0 end)",
            "            over (partition by customer_id) as amount_last_{{ days }}d",
            "        {%- if not loop.last %},{% endif %}",
            "        {% endfor %}",
        ]
    else:
        out += [
            "        sum(amount) over (",
            "            partition by customer_id",
            "            order by created_at",
            "            rows between unbounded preceding and current row",
            "        ) as running_amount,",
            "        row_number() over (partition by customer_id order by created_at) as customer_sequence,",
            "        lag(created_at) over (partition by customer_id order by created_at) as previous_created_at",
        ]
    out += ["    from joined", "", "),"]


def final_cte(out, model, count, statuses):
    out += ["", "final as (", "", "    select"]
    if model.grain == "customer":
        out += [
            "        customer_id,",
            "        case",
            "            when created_at >= current_date - interval '30 days' then 'new'",
            "            when updated_at >= current_date - interval '180 days' then 'active'",
            "            else 'dormant'",
            "        end as status,",
        ]
        columns = ["amount", "created_at", "updated_at"]
    else:
        columns = [model.pk, "customer_id", "status", "amount", "created_at", "updated_at"]
    out += [f"        {column}," for column in columns]
    for position in range(count):
        alias = f"u{position + 1}"
        share = f"{{{{ safe_divide('amount', '{alias}_amount') }}}} as {alias}_amount_share,"
        if count > 1:
            out.append(f"        {alias}_records, {share}")
        else:
            out += [f"        {share}", f"        {alias}_records,"]
    threshold = "var('high_value_threshold')" if model.uses_var else "1000"
    out += [
        f"        {{{{ value_tier('amount', threshold={threshold}) }}}} as value_tier,",
        "        {{ lookback_filter('updated_at') }} as is_recently_updated,",
        "        date_trunc('month', created_at) as created_month,",
        "        extract(dow from created_at) as created_day_of_week,",
    ]
    if model.grain != "customer":
        closed = [s for s in statuses if s in ("cancelled", "closed", "void", "lost", "returned")]
        listed = ", ".join(f"'{s}'" for s in closed) or "'cancelled'"
        out.append(f"        status in ({listed}) as is_closed,")
    out += [
        f"        '{model.layer}' as model_layer,",
        "        current_timestamp as transformed_at",
        "    from windowed",
        "",
        ")",
    ]
