/** Word lists the seeded tenant draws names from. */
export const GIVEN_NAMES = [
  'Adele', 'Alex', 'Amara', 'Ben', 'Carmen', 'Chen', 'Dana', 'Diego', 'Elif', 'Emma', 'Farah', 'Felix', 'Grace',
  'Hana', 'Ivan', 'Isla', 'Jonas', 'Kai', 'Lara', 'Lee', 'Lucia', 'Mateo', 'Megan', 'Nadia', 'Noah', 'Olga', 'Omar',
  'Priya', 'Quinn', 'Rosa', 'Sam', 'Sofia', 'Tariq', 'Uma', 'Victor', 'Wei', 'Yara', 'Zoe',
] as const;

export const SURNAMES = [
  'Vance', 'Wilber', 'Okafor', 'Nakamura', 'Garcia', 'Schmidt', 'Rossi', 'Kowalski', 'Haddad', 'Larsen', 'Novak',
  'Moreau', 'Silva', 'Patel', 'Kim', 'Jensen', 'Oliveira', 'Dubois', 'Yilmaz', 'Fischer', 'Costa', 'Ahmed', 'Berg',
] as const;

export const DEPARTMENTS = ['Sales', 'Marketing', 'Engineering', 'Finance', 'Operations', 'Legal', 'Support', 'HR'] as const;

export const OFFICES = ['Dublin', 'Lisbon', 'Seattle', 'Singapore', 'Nairobi', 'Toronto'] as const;

export const JOB_TITLES = ['Analyst', 'Engineer', 'Manager', 'Specialist', 'Director', 'Associate', 'Consultant'] as const;
