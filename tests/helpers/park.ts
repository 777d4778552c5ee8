import Building from '#park/models/building'
import Unit from '#park/models/unit'

/** A building `L` with two vacant offices, L-101 (100 m²) and L-102 (60 m²). */
export async function makeUnits() {
  const building = await Building.create({ code: 'L', name: '租赁楼', floors: 3 })
  const a = await Unit.create({
    buildingId: building.id,
    floor: 1,
    number: 'L-101',
    unitType: 'office',
    area: 100,
    status: 'vacant',
  })
  const b = await Unit.create({
    buildingId: building.id,
    floor: 1,
    number: 'L-102',
    unitType: 'office',
    area: 60,
    status: 'vacant',
  })
  return { building, a, b }
}
