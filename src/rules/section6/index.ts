// Section 6 (security operations) rules in benchmark id order.
import type { Rule } from '../rule.js';
import { imageSprawlAvoided } from './6-1-image-sprawl.js';
import { containerSprawlAvoided } from './6-2-container-sprawl.js';

export const section6Rules: Rule[] = [imageSprawlAvoided, containerSprawlAvoided];
