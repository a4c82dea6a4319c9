
select
    order_id,
    sum(case when payment_method = 'credit_card' then amount else 0 end) as credit_card_amount,
    sum(case when payment_method = 'coupon' then amount else 0 end) as coupon_amount,
    sum(case when payment_method = 'gift_card' then amount else 0 end) as gift_card_amount
    from "main.stg_payments"
group by order_id