import type { CATEGORIES } from '../../../api/src/reference-data/categories';

export type Category = (typeof CATEGORIES)[number];

interface CategoryTexts {
  /** How often residents raise it, relative to the others. */
  readonly weight: number;
  /** `{street}` is replaced by a street name. */
  readonly titles: readonly string[];
  readonly details: readonly string[];
  readonly provider: string;
  readonly outcomes: readonly string[];
}

/** Issues as residents raise them, by category; typed by CATEGORIES so a new category must be added here. */
export const CATEGORY_TEXTS: Readonly<Record<Category, CategoryTexts>> = {
  highways: {
    weight: 22,
    titles: ['Pothole on {street}', 'Broken kerb on {street}', 'Streetlight out on {street}', 'Blocked drain flooding {street}', 'Worn road markings at {street} junction'],
    details: ['It has been getting worse for weeks and cars swerve round it.', 'Cyclists have nearly come off here.', 'Water pools across the road after any rain.'],
    provider: 'Wiltshire Highways (Milestone)',
    outcomes: ['Repaired by the highways contractor.', 'Resurfaced as part of the patching programme.', 'Drain jetted and cleared; the gully is now running.'],
  },
  transport: {
    weight: 6,
    titles: ['Bus stop timetable missing on {street}', 'Evening bus service withdrawn', 'Bus shelter glass smashed on {street}'],
    details: ['Older residents rely on this service to get to the surgery.', 'The stop has had no information for a month.'],
    provider: 'Passenger Transport Unit',
    outcomes: ['Timetable replaced and the operator reminded.', 'Shelter glazing replaced.', 'Service restored on weekdays after talks with the operator.'],
  },
  parking: {
    weight: 9,
    titles: ['Parking on the pavement on {street}', 'Residents cannot park near their homes on {street}', 'Vans blocking dropped kerb on {street}'],
    details: ['Wheelchair users and buggies have to go into the road.', 'It happens every school run.'],
    provider: 'Parking Services',
    outcomes: ['Civil enforcement officers now patrol at school times.', 'Parking restrictions consulted on and introduced.'],
  },
  waste: {
    weight: 14,
    titles: ['Bins not emptied on {street}', 'Fly-tipping in the lane off {street}', 'Overflowing litter bin on {street}', 'Recycling missed again on {street}'],
    details: ['The collection has been missed two weeks running.', 'Mattresses and bags of rubbish have been dumped.', 'Foxes are pulling the rubbish out.'],
    provider: 'Wiltshire Council Waste Services',
    outcomes: ['Collection made and the round corrected.', 'Fly-tipping cleared and the site watched by enforcement.', 'A larger bin installed.'],
  },
  environment: {
    weight: 8,
    titles: ['Dog fouling on {street}', 'Overgrown verges on {street}', 'Graffiti on the underpass by {street}', 'Noise from the depot on {street}'],
    details: ['Children walk this way to school.', 'The verge now blocks the view at the junction.'],
    provider: 'Environmental Services',
    outcomes: ['Area cleaned and extra signs put up.', 'Verges cut back and added to the cutting schedule.', 'Graffiti removed.'],
  },
  parks: {
    weight: 6,
    titles: ['Broken swing in the play area off {street}', 'Park benches damaged near {street}', 'Footpath through the park waterlogged'],
    details: ['The play area is well used by local families.', 'The path is unusable in winter.'],
    provider: 'Town Council Parks Team',
    outcomes: ['Swing repaired and the play area inspected.', 'New benches installed.', 'Path drained and resurfaced.'],
  },
  planning: {
    weight: 5,
    titles: ['Building work without permission on {street}', 'Hoarding left up for months on {street}', 'Concerns about the development off {street}'],
    details: ['Neighbours were never consulted.', 'The site has been left untidy and unsafe.'],
    provider: 'Planning Enforcement',
    outcomes: ['Enforcement visit made; a retrospective application was submitted.', 'Developer required to make the site safe.'],
  },
  housing: {
    weight: 6,
    titles: ['Damp and mould in a council flat on {street}', 'Empty house falling into disrepair on {street}', 'Communal lighting out in the flats on {street}'],
    details: ['Residents have reported it to the landlord without result.', 'The property has been empty for over a year.'],
    provider: 'Housing Services',
    outcomes: ['Landlord ordered to carry out the works.', 'Repairs completed and the lighting restored.'],
  },
  'community-safety': {
    weight: 7,
    titles: ['Anti-social behaviour around the shops on {street}', 'Speeding traffic on {street}', 'Drug dealing reported near {street}'],
    details: ['Residents feel unsafe in the evenings.', 'Cars race along here late at night.'],
    provider: 'Wiltshire Police Neighbourhood Team',
    outcomes: ['Extra patrols and a community speed watch set up.', 'Dispersal order used and CCTV reviewed.'],
  },
  health: {
    weight: 3,
    titles: ['Rats seen near the flats on {street}', 'No defibrillator in the village', 'Pharmacy closures leave residents without cover'],
    details: ['Several neighbours have seen them.', 'The nearest one is miles away.'],
    provider: 'Public Health Wiltshire',
    outcomes: ['Pest control treated the area.', 'A community defibrillator installed with local funding.'],
  },
  education: {
    weight: 3,
    titles: ['Unsafe crossing outside the school on {street}', 'School transport bus late every morning', 'No youth provision in the evenings'],
    details: ['Parents have to cross a busy road with small children.', 'Pupils miss the start of lessons.'],
    provider: 'Education and Skills',
    outcomes: ['School crossing patrol funded.', 'Operator changed for the school route.'],
  },
  leisure: {
    weight: 3,
    titles: ['Leisure centre pool closed without notice', 'Skate park needs repair', 'Library opening hours cut'],
    details: ['Swimming clubs have nowhere to train.', 'Young people use it every evening.'],
    provider: 'Leisure Services (Places Leisure)',
    outcomes: ['Pool reopened after repairs.', 'Skate park ramps replaced.'],
  },
  other: {
    weight: 4,
    titles: ['Question about council tax support', 'Community noticeboard wanted on {street}', 'Old phone box could be reused'],
    details: ['Residents asked the area board to look at it.', 'Several people raised it at the last meeting.'],
    provider: 'Customer Services',
    outcomes: ['Explained and signposted; the resident is satisfied.', 'Noticeboard installed with the town council.'],
  },
};

export const STREETS = [
  'High Street', 'Church Street', 'Station Road', 'Market Place', 'The Parade', 'Mill Lane', 'Castle Street', 'Bath Road',
  'London Road', 'Victoria Road', 'Park Road', 'School Lane', 'Silver Street', 'New Road', 'Orchard Close', 'Manor Road',
];

export const FIRST_NAMES = ['Ada', 'Ben', 'Chloe', 'David', 'Emma', 'Farid', 'Grace', 'Harry', 'Isla', 'James', 'Kiran', 'Lucy', 'Mohammed', 'Nia', 'Oliver', 'Priya', 'Rhys', 'Sophie', 'Tom', 'Zofia'];
export const LAST_NAMES = ['Ahmed', 'Baker', 'Clarke', 'Davies', 'Evans', 'Foster', 'Green', 'Hughes', 'Jones', 'Khan', 'Lewis', 'Morgan', 'Nowak', 'Patel', 'Roberts', 'Smith', 'Taylor', 'Walker', 'Williams', 'Wright'];

export const WITHDRAWAL_REASONS = [
  'Duplicate of an issue already logged for the same place.',
  'The resident asked to withdraw it: sorted out privately.',
  'Not a council matter: passed to Wessex Water.',
  'The resident has moved away and no longer wants it pursued.',
];
export const REOPEN_REASONS = ['The resident reports the problem has come back.', 'The repair did not last through the winter.', 'The resident says the fix only covered part of it.'];
export const INTERNAL_NOTES = ['Called the resident to confirm the exact location.', 'Chased the provider for an update.', 'Site visit made; photos on file.', 'Linked to a similar report nearby.'];
export const PUBLIC_NOTES = ['Update: the work is booked in with the contractor.', 'Update: an officer has visited and confirmed the problem.', 'Update: we are waiting for the provider to schedule the work.'];
export const BOARD_REPORTS = ['Residents ask the board to fund a permanent fix.', 'Several residents raised this; the board is asked to decide on priority.', 'Needs partners round the table: the board is asked to take it on.'];
export const ROUNDTABLE_PARTNERS = ['Town council clerk', 'Wiltshire Police', 'Highways engineer', 'Parish council chair', 'Community engagement manager', 'Housing association'];
