/**
 * What each order of the pass used, dictionary-encoded beside the pass's columns (same row
 * order): its promotion, and (when the pass read baskets) the distinct products of its basket.
 * The A/B tests find each customer's first use of every promotion and product from these in one
 * walk over the rows, so thousands of products cost no extra scan of `orders`.
 */
export interface OrderItems {
  promotionNames: string[];
  /** Promotion of each order row, −1 for none. */
  promotion: Int32Array;
  productNames: string[];
  /** Products of row r: product[productOffsets[r]] .. product[productOffsets[r + 1] − 1]. */
  productOffsets: Int32Array;
  product: Int32Array;
}

class Dictionary {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  of(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }
}

function grow(data: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  if (length < data.length) return data;
  const bigger = new Int32Array(data.length * 2);
  bigger.set(data);
  return bigger;
}

/** Built row by row, in the order the pass adds orders to PassOrdersBuilder. */
export class OrderItemsBuilder {
  private readonly promotions = new Dictionary();
  private readonly products = new Dictionary();
  private promotion = new Int32Array(1024);
  private offsets = new Int32Array(1024);
  private product = new Int32Array(1024);
  private rows = 0;
  private lines = 0;

  add(promotionId: string | null | undefined, products: readonly { product: string }[]): void {
    this.promotion = grow(this.promotion, this.rows);
    this.offsets = grow(this.offsets, this.rows + 1);
    this.promotion[this.rows] = promotionId ? this.promotions.of(promotionId) : -1;
    const start = this.lines;
    for (const line of products) {
      const p = this.products.of(line.product);
      let repeated = false;
      for (let k = start; k < this.lines; k++) if (this.product[k] === p) repeated = true;
      if (repeated) continue;
      this.product = grow(this.product, this.lines);
      this.product[this.lines++] = p;
    }
    this.rows++;
    this.offsets[this.rows] = this.lines;
  }

  build(): OrderItems {
    return {
      promotionNames: this.promotions.names,
      promotion: this.promotion.slice(0, this.rows),
      productNames: this.products.names,
      productOffsets: this.offsets.slice(0, this.rows + 1),
      product: this.product.slice(0, this.lines),
    };
  }
}
