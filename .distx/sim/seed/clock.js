// A fixed, hand-advanced clock for seeding, so seeded createDate/lastOpDate values are the same on every run.
/** Oct 17, 2024 5:43:35 AM UTC: the date of the ZStack 5.2 source the registry comes from. */
export const SEED_EPOCH = Date.UTC(2024, 9, 17, 5, 43, 35);
export class SeedClock {
    t = SEED_EPOCH;
    now = () => this.t;
    tick(ms = 60_000) {
        this.t += ms;
    }
}
