/** The unit every node has (created by its migrations) that receives unrouted restricted material. */
export const RECEPTION_UNIT = 'desk';
