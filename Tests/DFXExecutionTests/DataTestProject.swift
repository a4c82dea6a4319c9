/// A project with a test of every kind on `orders`, and seed data that passes or fails each.
///
/// Clean data passes everything; dirty data fails each test with a known count (see `dirtyFailures`).
enum DataTestProject {
    static let customers = "id,name\n1,a\n2,b\n3,c\n"
    static let cleanOrders = "id,customer_id,amount,status\n1,1,10,placed\n2,2,20,shipped\n3,3,30,placed\n"
    /// Duplicate id 1 (and pair 1/1), unknown customer 9, status weird, amount -5, a null amount, 100.
    static let dirtyOrders = "id,customer_id,amount,status\n1,1,10,placed\n1,1,15,shipped\n3,9,-5,weird\n4,3,,placed\n5,2,100,placed\n"

    static let schemaYAML = """
        version: 2
        models:
          - name: orders
            columns:
              - name: id
                data_tests:
                  - unique
                  - is_positive
              - name: customer_id
                data_tests:
                  - relationships:
                      to: ref('customers')
                      field: id
              - name: status
                tests:
                  - accepted_values:
                      values: [placed, shipped]
              - name: amount
                tests:
                  - not_null
                  - accepted_range: {min_value: 0, max_value: 50}
                  - dfx.not_null_proportion:
                      arguments: {at_least: 0.9}
            data_tests:
              - unique_combination_of_columns: {combination_of_columns: [id, customer_id]}
              - expression_is_true:
                  expression: "amount >= 0"
              - has_rows_at_least: {n: 3}
          - name: big_orders
            data_tests:
              - not_empty

        """

    /// Failure counts on the dirty data, by test name: distinct values for unique and
    /// accepted_values, combinations for unique_combination_of_columns, rows for the others.
    static let dirtyFailures: [String: Int] = [
        "unique_orders_id": 1,
        "is_positive_orders_id": 0,
        "relationships_orders_customer_id__id__ref_customers_": 1,
        "accepted_values_orders_status__placed__shipped": 1,
        "not_null_orders_amount": 1,
        "accepted_range_orders_amount__50__0": 2,
        "dfx_not_null_proportion_orders_0_9__amount": 1,
        "unique_combination_of_columns_orders_id__customer_id": 1,
        "expression_is_true_orders_amount_0": 1,
        "has_rows_at_least_orders_3": 0,
        "not_empty_big_orders_": 1,
        "no_big_orders": 1,
    ]

    static func write(to project: RunProject, orders: String) throws {
        try project.write("seeds/customers.csv", customers)
        try project.write("seeds/raw_orders.csv", orders)
        try project.write("models/orders.sql", "select * from {{ ref('raw_orders') }}\n")
        try project.write("models/big_orders.sql", "select * from {{ ref('orders') }} where amount >= 30 and amount <= 50\n")
        try project.write("models/schema.yml", schemaYAML)
        // A custom generic test under tests/generic, one in a macro file, and a singular test.
        try project.write(
            "tests/generic/is_positive.sql",
            "{% test is_positive(model, column_name) %}\nselect * from {{ model }} where {{ column_name }} <= 0\n{% endtest %}\n")
        try project.write(
            "macros/row_tests.sql",
            "{% test has_rows_at_least(model, n) %}\nselect count(*) as n from {{ model }} having count(*) < {{ n }}\n{% endtest %}\n")
        try project.write("tests/no_big_orders.sql", "-- orders over 50 are suspicious\nselect * from {{ ref('orders') }} where amount > 50\n")
    }
}
