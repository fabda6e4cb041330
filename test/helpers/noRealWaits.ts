// Loaded before every suite (jest.config.js): the node's waits run on a virtual clock.
import { useVirtualTime } from './virtualTime';

useVirtualTime();
