// placeholder until the add-in lands
