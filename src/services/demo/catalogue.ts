/**
 * What the demo merchant sells: outdoor and travel goods. Each line gives real-world size and
 * weight ranges, price range, the HS 2022 subheading and the usual countries of origin.
 */
export interface ProductLine {
  category: string;
  names: string[];
  hsCode: string;
  /** [min, max] outer dimensions in millimetres: length, width, height. */
  lengthMm: [number, number];
  widthMm: [number, number];
  heightMm: [number, number];
  weightG: [number, number];
  priceEur: [number, number];
  origins: string[];
  variants: string[];
  fragile?: boolean;
  thisSideUp?: boolean;
  hazmat?: boolean;
}

const colours = ['Black', 'Navy', 'Olive', 'Sand', 'Rust', 'Slate', 'Forest', 'Ochre'];
const sizes = ['XS', 'S', 'M', 'L', 'XL'];

export const productLines: ProductLine[] = [
  { category: 'Apparel', names: ['Merino T-shirt', 'Organic cotton tee', 'Trail tank top'], hsCode: '610910', lengthMm: [280, 320], widthMm: [220, 260], heightMm: [15, 30], weightG: [140, 220], priceEur: [24, 45], origins: ['PT', 'TR', 'IN'], variants: sizes },
  { category: 'Apparel', names: ['Fleece hoodie', 'Wool sweater', 'Half-zip pullover'], hsCode: '611020', lengthMm: [320, 380], widthMm: [260, 300], heightMm: [40, 70], weightG: [380, 650], priceEur: [59, 119], origins: ['PT', 'CN', 'BD'], variants: sizes },
  { category: 'Outerwear', names: ['Rain shell jacket', 'Insulated parka', 'Softshell jacket'], hsCode: '620140', lengthMm: [350, 420], widthMm: [280, 330], heightMm: [50, 110], weightG: [320, 1100], priceEur: [119, 289], origins: ['VN', 'CN'], variants: sizes },
  { category: 'Footwear', names: ['Trail running shoe', 'Hiking boot', 'Approach shoe'], hsCode: '640411', lengthMm: [320, 360], widthMm: [200, 230], heightMm: [110, 140], weightG: [700, 1500], priceEur: [89, 210], origins: ['VN', 'ID', 'IT'], variants: ['38', '40', '42', '44', '46'] },
  { category: 'Bags', names: ['Daypack 20 L', 'Travel duffel 40 L', 'Sling bag', 'Roll-top backpack 28 L'], hsCode: '420292', lengthMm: [300, 550], widthMm: [200, 320], heightMm: [60, 150], weightG: [300, 1400], priceEur: [45, 169], origins: ['VN', 'CN', 'PH'], variants: colours },
  { category: 'Drinkware', names: ['Insulated bottle 750 ml', 'Camp mug', 'Travel tumbler'], hsCode: '961700', lengthMm: [80, 95], widthMm: [80, 95], heightMm: [110, 280], weightG: [220, 420], priceEur: [19, 39], origins: ['CN'], variants: colours },
  { category: 'Drinkware', names: ['Enamel mug', 'Stoneware cup'], hsCode: '691200', lengthMm: [90, 110], widthMm: [90, 110], heightMm: [90, 110], weightG: [250, 380], priceEur: [14, 24], origins: ['PT', 'PL'], variants: colours, fragile: true },
  { category: 'Lighting', names: ['Rechargeable headlamp', 'Camp lantern'], hsCode: '851340', lengthMm: [90, 160], widthMm: [60, 110], heightMm: [50, 110], weightG: [90, 420], priceEur: [29, 79], origins: ['CN'], variants: ['200 lm', '400 lm', '800 lm'], hazmat: true },
  { category: 'Camping', names: ['Ultralight tent 2P', 'Tarp shelter', 'Bivvy bag'], hsCode: '630622', lengthMm: [400, 550], widthMm: [160, 220], heightMm: [140, 200], weightG: [900, 2600], priceEur: [149, 449], origins: ['VN', 'CN', 'TW'], variants: ['Green', 'Orange', 'Grey'] },
  { category: 'Camping', names: ['Down sleeping bag', 'Synthetic quilt'], hsCode: '940430', lengthMm: [330, 420], widthMm: [200, 260], heightMm: [200, 260], weightG: [700, 1600], priceEur: [139, 399], origins: ['CN', 'LT'], variants: ['Regular', 'Long'] },
  { category: 'Camping', names: ['Gas canister 230 g'], hsCode: '271111', lengthMm: [110, 110], widthMm: [110, 110], heightMm: [95, 95], weightG: [380, 380], priceEur: [7, 9], origins: ['DE'], variants: ['Standard'], hazmat: true, thisSideUp: true },
  { category: 'Cooking', names: ['Titanium pot', 'Camp stove', 'Spork set'], hsCode: '732393', lengthMm: [100, 160], widthMm: [100, 160], heightMm: [40, 120], weightG: [60, 420], priceEur: [15, 89], origins: ['CN', 'JP'], variants: ['Solo', 'Duo'] },
  { category: 'Books', names: ['Trail guidebook', 'Waterproof map', 'Field journal'], hsCode: '490199', lengthMm: [170, 240], widthMm: [120, 170], heightMm: [8, 30], weightG: [120, 620], priceEur: [12, 34], origins: ['NL', 'GB', 'DE'], variants: ['EN', 'DE', 'FR'] },
  { category: 'Accessories', names: ['Wool beanie', 'Buff neck gaiter', 'Hiking socks 3-pack'], hsCode: '611595', lengthMm: [180, 240], widthMm: [120, 180], heightMm: [15, 40], weightG: [40, 180], priceEur: [12, 32], origins: ['PT', 'IT', 'TR'], variants: colours },
  { category: 'Accessories', names: ['Polarised sunglasses'], hsCode: '900410', lengthMm: [160, 170], widthMm: [70, 80], heightMm: [50, 60], weightG: [80, 120], priceEur: [59, 129], origins: ['IT', 'CN'], variants: ['Black', 'Tortoise'], fragile: true },
  { category: 'Home', names: ['Scented candle', 'Beeswax candle'], hsCode: '340600', lengthMm: [80, 100], widthMm: [80, 100], heightMm: [90, 120], weightG: [280, 520], priceEur: [18, 36], origins: ['NL', 'PL'], variants: ['Cedar', 'Pine', 'Sea salt'], fragile: true, thisSideUp: true },
];
