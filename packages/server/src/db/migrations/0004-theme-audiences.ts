import { sql, type Kysely } from 'kysely';

// Themes speak the items' audience vocabulary (服务对象) instead of a second one of their own:
// `person` becomes [naturalPerson], `organisation` every kind of organisation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table themes alter column audience type text[] using (case audience
    when 'person' then array['naturalPerson']
    else array['enterprise', 'publicInstitution', 'socialOrganisation', 'other'] end)`.execute(db);
}
