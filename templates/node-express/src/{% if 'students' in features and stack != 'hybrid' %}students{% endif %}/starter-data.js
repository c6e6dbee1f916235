// The seed's students, inserted when the table is empty.
export const STARTER_STUDENTS = [
  { name: 'Rahul', grade: 'A' },
  { name: 'Priya', grade: 'B+' },
];
