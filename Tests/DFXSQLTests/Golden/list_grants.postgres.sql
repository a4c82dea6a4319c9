select grantee, lower(privilege_type)
from information_schema.role_table_grants
where grantor = current_role and grantee <> current_role
  and table_schema = 'analytics' and table_name = 'orders'
order by grantee, privilege_type;
