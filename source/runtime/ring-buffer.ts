/**
 * A fixed-capacity buffer: pushing onto a full one overwrites the oldest item, so memory stays
 * bounded however much is pushed, at constant cost per push.
 */
export class RingBuffer<T> {
	/** How many items were overwritten since the buffer was made. */
	evicted = 0;
	private readonly items: (T | undefined)[];
	private start = 0;
	private count = 0;

	constructor(readonly capacity: number) {
		if (!Number.isInteger(capacity) || capacity < 1) {
			throw new RangeError(
				`a ring buffer needs a capacity of 1 or more, not ${capacity}`,
			);
		}

		this.items = Array.from({length: capacity});
	}

	get size(): number {
		return this.count;
	}

	get isFull(): boolean {
		return this.count === this.capacity;
	}

	push(item: T): void {
		this.items[(this.start + this.count) % this.capacity] = item;
		if (this.isFull) {
			this.start = (this.start + 1) % this.capacity;
			this.evicted++;
		} else {
			this.count++;
		}
	}

	/** Takes out the oldest item (counted as evicted), if there is one. */
	shift(): T | undefined {
		if (this.count === 0) {
			return undefined;
		}

		const item = this.items[this.start];
		this.items[this.start] = undefined;
		this.start = (this.start + 1) % this.capacity;
		this.count--;
		this.evicted++;
		return item;
	}

	/** The item `index` places from the oldest; negative counts from the newest (-1: the newest). */
	at(index: number): T | undefined {
		const offset = index < 0 ? this.count + index : index;
		return offset < 0 || offset >= this.count
			? undefined
			: this.items[(this.start + offset) % this.capacity];
	}

	/** The items, oldest first. */
	toArray(): T[] {
		return Array.from(
			{length: this.count},
			(_, offset) => this.items[(this.start + offset) % this.capacity] as T,
		);
	}

	/** Reorders the items in place: after it, the oldest slot holds the first in `compare`'s order. */
	sort(compare: (a: T, b: T) => number): void {
		const sorted = this.toArray().sort(compare);
		this.items.fill(undefined);
		for (const [index, item] of sorted.entries()) {
			this.items[index] = item;
		}

		this.start = 0;
	}
}
