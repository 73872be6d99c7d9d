/** The product's display name, shared by every process. */
export const PRODUCT_NAME = 'Vigil';
