/** The version of this copy of @banshi/elements; a second copy on the page is named by it in warnings. */
export const VERSION = '0.1.0';
