'use strict';
// A Canvas's variants and steps, as the stand-in makes them up from its id: two variants, three
// steps and one deleted step (whose data only include_deleted_step_data shows).

function variantsOf(canvas) {
  return [
    { name: 'Variant 1', id: `${canvas.id}-variant-1` },
    { name: 'Variant 2', id: `${canvas.id}-variant-2` },
  ];
}

function stepsOf(canvas) {
  return [
    { name: 'Welcome email', id: `${canvas.id}-step-1` },
    { name: 'Reminder', id: `${canvas.id}-step-2` },
    { name: 'Last call', id: `${canvas.id}-step-3` },
    { name: 'Old step', id: `${canvas.id}-step-0`, deleted: true },
  ];
}

module.exports = { variantsOf, stepsOf };
